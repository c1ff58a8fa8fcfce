import Foundation
import LinearAlgebra

/// One-pass SGD (docs/theory.md §7.3), the regime of large-model training: the exact loss against the
/// number of steps t for several N, its exponents in t and N, and the compute-optimal frontier under
/// C = N·t, set against the paper's direct-solve frontier C = N·D·min(N, D). Each (N, seed) run yields its
/// whole loss curve (computed in parallel, one run per thread; the numbers do not depend on the thread count);
/// with a store, each checkpoint is stored as its own point and a run found whole in the store is not recomputed.
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

    /// Runs every (N, seed) at α, β on up to `threads` threads, reporting each finished run to `progress`; with
    /// `store`, runs whose checkpoints are all stored are read back and every new completed run is stored.
    package static func run(
        alpha: Double, beta: Double, configuration c: Configuration, threads: Int = ParallelChunks.defaultThreads,
        progress: ProgressReporter = ProgressReporter(), store: OnlineRunStore? = nil
    ) throws -> OnlineResult {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        guard c.stepSize > 0, c.stepSize.isFinite else {
            throw ParameterError.invalid(parameter: .stepSize, value: "\(c.stepSize)", allowed: "a finite number > 0")
        }
        guard c.steps >= 10 else { throw ParameterError.invalid(parameter: .sampleCount, value: "\(c.steps)", allowed: "at least 10 steps") }
        let checkpoints = OnlineGradientDescent.logSpacedCheckpoints(steps: c.steps, perDecade: c.checkpointsPerDecade)
        let jobs = c.featureCounts.flatMap { n in (0..<UInt64(c.seeds)).map { (n, $0) } }
        let results = RunSlots(count: jobs.count)
        var missing = Array(jobs.indices)
        if let store {
            missing = []
            for (i, job) in jobs.enumerated() {
                if let stored = try store.storedRun(parameters: parameters, featureCount: job.0, seed: job.1, stepSize: c.stepSize, checkpoints: checkpoints) {
                    results.set(i, stored)
                } else {
                    missing.append(i)
                }
            }
            progress.note("\(jobs.count - missing.count) of \(jobs.count) (N, seed) runs already stored")
        }
        let failure = FirstRunError()
        let next = AtomicCounter()
        let blasThreads = BLAS.threadCount
        BLAS.setThreadCount(1)
        defer { BLAS.setThreadCount(blasThreads) }
        progress.begin("online SGD runs", total: missing.count)
        // Largest N first, so the longest runs do not end up last on one thread.
        let order = missing.sorted { jobs[$0].0 > jobs[$1].0 }
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, order.count))) { _ in
            while failure.error == nil {
                let k = next.increment()
                if k >= order.count { break }
                let (n, seed) = jobs[order[k]]
                let run = OnlineGradientDescent(
                    parameters: parameters, featureCount: n, seed: seed, schedule: OnlineStepSchedule(initial: c.stepSize)
                ).run(steps: c.steps, checkpoints: checkpoints)
                do { try store?.save(run, parameters: parameters, featureCount: n, seed: seed, stepSize: c.stepSize) } catch { failure.record(error) }
                results.set(order[k], run)
                progress.advance()
            }
        }
        progress.finish()
        if let error = failure.error { throw error }
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

/// The first error a worker thread met (the others stop taking runs).
final class FirstRunError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?
    /// The recorded error, nil while none.
    var error: (any Error)? { lock.withLock { first } }
    /// Keeps `error` unless one is recorded already.
    func record(_ error: any Error) { lock.withLock { if first == nil { first = error } } }
}
