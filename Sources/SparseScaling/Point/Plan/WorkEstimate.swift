import Foundation

/// An estimate of a job's CPU time, made before it starts, so that work of days is refused with the
/// estimate instead of running without end (as `MemoryEstimate` does for memory).
package struct WorkEstimate: Sendable {
    /// Estimated CPU seconds.
    package let seconds: Double

    /// Jobs estimated above this many CPU seconds (24 hours) are refused.
    package static let limitSeconds = 24.0 * 3600

    /// Multiply-adds per second assumed for the sparse per-sample loops (a conservative 1e9: measured
    /// 1.5–3e9 on one core of the development machine).
    package static let operationsPerSecond = 1e9

    /// The CPU time of `plan`: for one-pass SGD, D steps of O(N·(k̄ + 2)) work each; nil for routes whose
    /// cost the memory estimate already bounds.
    package init?(plan: PointPlan) {
        let s = plan.specification
        guard plan.route == .online else { return nil }
        let perStep = Double(s.featureCount) * (MemoryEstimate.expectedActivePerSample(s.parameters) + 2)
        seconds = Double(s.sampleCount) * perStep / Self.operationsPerSecond
    }

    /// The CPU time of every point of `points` with `seedCount` seeds each (the points' plans as `PointPlan`
    /// makes them; points whose cost the memory estimate bounds count 0). Throws when a point is invalid.
    package init(points: [PointSpecification], seedCount: Int) throws {
        let perSeed = try points.reduce(0.0) { $0 + (WorkEstimate(plan: try PointPlan($1))?.seconds ?? 0) }
        seconds = perSeed * Double(seedCount)
    }

    /// An estimate of `seconds`.
    package init(seconds: Double) { self.seconds = seconds }

    /// The estimate in hours or days, e.g. "3.2 h".
    package var description: String {
        seconds < 3600 ? String(format: "%.0f s", seconds)
            : seconds < 86400 * 2 ? String(format: "%.1f h", seconds / 3600) : String(format: "%.3g days", seconds / 86400)
    }

    /// Throws `WorkLimitExceeded` for `job` when the estimate is over the limit; otherwise, for work of an
    /// hour or more, writes a note with the estimate to standard error before the work starts.
    package func check(job: String) throws {
        guard seconds > Self.limitSeconds else {
            if seconds >= 3600 {
                FileHandle.standardError.write(Data("note: \(job) needs an estimated \(description) of CPU time\n".utf8))
            }
            return
        }
        throw WorkLimitExceeded(job: job, estimate: self)
    }
}

/// A job refused because its CPU-time estimate exceeds `WorkEstimate.limitSeconds`.
package struct WorkLimitExceeded: Error, CustomStringConvertible, Sendable {
    /// What the job is.
    package let job: String
    /// Its estimate.
    package let estimate: WorkEstimate

    /// One line with the estimate and the limit.
    package var description: String {
        "\(job) needs an estimated \(estimate.description) of CPU time, over the limit of 24 h; use fewer steps or a smaller N"
    }
}
