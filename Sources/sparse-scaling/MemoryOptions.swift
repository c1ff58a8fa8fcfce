import ArgumentParser
import Foundation
import SparseScaling

/// The `--max-memory` flag: jobs whose memory estimate exceeds it are refused before they start.
struct MemoryOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Refuse jobs whose estimated peak memory exceeds this: bytes, or a number with K, M, G or T (powers of 1024), e.g. 512M, 4G. Default: 80% of physical memory (or of the cgroup limit).")
    var maxMemory: String?

    mutating func validate() throws { _ = try limit() }

    /// The limit in bytes.
    func limit() throws -> Double {
        guard let maxMemory else { return MemorySize.defaultLimit }
        guard let bytes = MemorySize.parse(maxMemory) else {
            throw ValidationError("invalid value '\(maxMemory)' for --max-memory: expected a size > 0 such as 4G, 512M or 1000000 (bytes)")
        }
        return bytes
    }

    /// Throws a runtime error (exit 1) naming the estimate when `estimate` is over the limit.
    func check(_ estimate: MemoryEstimate, job: String) throws {
        do { try estimate.check(limit: try limit(), job: job) } catch let error as MemoryLimitExceeded {
            throw RuntimeError(error.commandLineMessage)
        }
    }
}

/// Sizes in bytes as given on the command line.
enum MemorySize {
    /// Parses "123", "512M", "4G", "1.5GiB", "2TB" (K/M/G/T are powers of 1024); nil unless finite and > 0.
    static func parse(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where t.hasSuffix(suffix) && t.count > suffix.count {
            t.removeLast(suffix.count)
            break
        }
        let scales: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        var scale = 1.0
        if let last = t.last, let s = scales[last] {
            scale = s
            t.removeLast()
        }
        guard let value = Double(t), value.isFinite, value > 0 else { return nil }
        let bytes = value * scale
        return bytes >= 1 && bytes.isFinite ? bytes : nil
    }

    /// 80% of the physical memory, or of the cgroup v2 limit when that is lower.
    static var defaultLimit: Double {
        var total = Double(ProcessInfo.processInfo.physicalMemory)
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
           let cgroup = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), cgroup > 0 {
            total = min(total, cgroup)
        }
        return 0.8 * total
    }
}
