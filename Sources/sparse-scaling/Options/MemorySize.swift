import ArgumentParser
import Foundation
import SparseScaling

/// Sizes in bytes as given on the command line.
enum MemorySize {
    /// The largest limit accepted: 1024T (2^50 bytes).
    static let largest = 0x1p50

    /// Parses "123", "512M", "4G", "1.5GiB", "2TB" (K/M/G/T are powers of 1024); nil unless from 1 byte to `largest`.
    static func parse(_ text: String) -> Double? {
        var t = text.uppercased()
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
        guard let value = NumberArgument.finite(t), value > 0 else { return nil }
        let bytes = value * scale
        return bytes >= 1 && bytes <= largest ? bytes : nil
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
