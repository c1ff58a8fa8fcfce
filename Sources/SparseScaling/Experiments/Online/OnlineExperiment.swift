import Foundation
import LinearAlgebra

/// One-pass SGD (docs/theory.md §7.3), the regime of large-model training: the exact loss against the
/// number of steps t for several N, its exponents in t and N, and the compute-optimal frontier under
/// C = N·t, set against the paper's direct-solve frontier C = N·D·min(N, D). Each run yields its
/// whole loss curve, so runs are not stored per point: every (N, seed) run is computed (in parallel,
/// one run per thread; the numbers do not depend on the thread count).
package enum OnlineExperiment {
    /// Model sizes, steps, step size and seeds.
    package struct Configuration: Sendable, Codable, SeededConfiguration {
        /// Seeds per N.
        package var seeds: Int
        /// The N values.
        package var featureCounts: [Int]
        /// T, the steps of every run (= samples used).
        package var steps: Int
        /// Constant step η.
        package var stepSize: Double
        /// Checkpoints per decade of t.
        package var checkpointsPerDecade: Int

        /// The sizes of `profile` (paper: t = 10⁷ steps up to N = 1024).
        package static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick:
                return Configuration(seeds: 4, featureCounts: [16, 32, 64, 128, 256, 512], steps: 1 << 19, stepSize: OnlineGradientDescent.defaultStepSize, checkpointsPerDecade: 8)
            case .paper:
                return Configuration(seeds: 4, featureCounts: [16, 32, 64, 128, 256, 512, 1024], steps: 10_000_000, stepSize: OnlineGradientDescent.defaultStepSize, checkpointsPerDecade: 10)
            }
        }
    }

    /// Runs every (N, seed) at α, β on up to `threads` threads, reporting each finished run to `progress`.
    package static func run(
        alpha: Double, beta: Double, configuration c: Configuration, threads: Int = ParallelChunks.defaultThreads,
        progress: ProgressReporter = ProgressReporter()
    ) throws -> OnlineResult {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        guard c.stepSize > 0, c.stepSize.isFinite else {
            throw ParameterError.invalid(parameter: .stepSize, value: "\(c.stepSize)", allowed: "a finite number > 0")
        }
        guard c.steps >= 10 else { throw ParameterError.invalid(parameter: .sampleCount, value: "\(c.steps)", allowed: "at least 10 steps") }
        let checkpoints = OnlineGradientDescent.logSpacedCheckpoints(steps: c.steps, perDecade: c.checkpointsPerDecade)
        let jobs = c.featureCounts.flatMap { n in (0..<UInt64(c.seeds)).map { (n, $0) } }
        let results = RunSlots(count: jobs.count)
        let next = AtomicCounter()
        let blasThreads = BLAS.threadCount
        BLAS.setThreadCount(1)
        defer { BLAS.setThreadCount(blasThreads) }
        progress.begin("online SGD runs", total: jobs.count)
        // Largest N first, so the longest runs do not end up last on one thread.
        let order = jobs.indices.sorted { jobs[$0].0 > jobs[$1].0 }
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, jobs.count))) { _ in
            while true {
                let k = next.increment()
                if k >= order.count { break }
                let (n, seed) = jobs[order[k]]
                let run = OnlineGradientDescent(
                    parameters: parameters, featureCount: n, seed: seed, schedule: OnlineStepSchedule(initial: c.stepSize)
                ).run(steps: c.steps, checkpoints: checkpoints)
                results.set(order[k], run)
                progress.advance()
            }
        }
        progress.finish()
        let runs = zip(jobs, results.values).map { OnlineResult.Run(featureCount: $0.0.0, seed: $0.0.1, run: $0.1!) }
        return OnlineResult(alpha: alpha, beta: beta, configuration: c, checkpoints: checkpoints, runs: runs, parameters: parameters)
    }
}

/// Results written by worker threads into distinct slots.
final class RunSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [OnlineRun?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ run: OnlineRun) { lock.withLock { values[i] = run } }
}
