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
            throw ValidationError("invalid value '\(maxMemory)' for --max-memory: expected a size from 1 byte to 1024T, such as 4G, 512M or 1000000 (bytes)")
        }
        return bytes
    }

    /// Throws a runtime error (exit 1) naming the estimate when `estimate` is over the limit; when the
    /// per-sample `points` would fit under the sublinear sampler, the message suggests it.
    func check(_ estimate: MemoryEstimate, job: String, points: [PointSpecification] = [], concurrency: Int = 1) throws {
        do { try estimate.check(limit: try limit(), job: job, concurrency: concurrency) } catch let error as MemoryLimitExceeded {
            var message = error.commandLineMessage
            // The sublinear alternative, where every point would plan with it (the plan's one rule).
            let sublinear = points.filter { $0.sampler == .perSample }.map { point -> PointSpecification in
                var copy = point
                copy.sampler = .sublinear
                return copy
            }
            if !points.isEmpty, sublinear.count == points.count, sublinear.allSatisfy({ (try? PointPlan($0)) != nil }) {
                let alternative = MemoryEstimate(points: sublinear, concurrency: concurrency)
                if alternative.bytes <= error.limit {
                    message += "; with --sampler sublinear (same law, another random stream) it needs an estimated \(alternative)"
                }
            }
            throw RuntimeError(message)
        }
    }
}
