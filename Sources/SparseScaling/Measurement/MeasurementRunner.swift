import Foundation
import LinearAlgebra
import ResultsStore

/// Measures points over seeds: runs the (point, seed) pairs missing from the results store (only
/// those of its shard), commits each one in its own transaction as soon as it finishes, and reads
/// the aggregated results back from the store. Re-running after an interruption computes only what
/// is missing, and the numbers do not depend on the thread count or the order of the work.
package final class MeasurementRunner: @unchecked Sendable {
    /// Where results are kept.
    public let store: ResultsStore
    /// The part of the work this process does.
    public let shard: Shard
    /// Points measured at once (each point then runs single-threaded).
    public let threads: Int
    /// Progress display.
    public let progress: ProgressReporter
    /// Refuse work whose `MemoryEstimate` exceeds this many bytes (nil: no limit).
    public var memoryLimit: Double?
    /// The σ and loss estimator imposed on every measured point (`PointOverrides`).
    public var overrides = PointOverrides()
    /// The run label stored with every new row (e.g. the command or experiment name); not part of any key.
    public var tag: String?
    /// With the conditional estimator: how each point measured so far used it, in order (`EstimatorUse`).
    public private(set) var estimatorUses: [EstimatorUse] = []
    /// What the last ``measure(_:seeds:label:)`` found in the store and what it computed.
    public private(set) var lastCounts = StoreCounts(stored: 0, computed: 0)
    /// (point, seed) pairs this runner has stored so far in this process.
    public var storedThisRun: Int { progress.finishedSteps }
    /// The (configuration key, seed) pairs this runner stored, so that a later measurement of the same
    /// pairs (another phase, another experiment of `reproduce`) does not count them as stored before the run.
    private let storedPairs = StoredPairs()

    /// A runner writing into `store`.
    public init(store: ResultsStore, shard: Shard = .all, threads: Int = ParallelChunks.defaultThreads, progress: ProgressReporter = ProgressReporter()) {
        self.store = store
        self.shard = shard
        self.threads = max(1, threads)
        self.progress = progress
    }

    /// Measures every point of `points` with every seed of `seeds`, then returns one aggregate per
    /// point over the seeds present in the store (all of them unless the run is sharded).
    public func measure(_ points: [PointSpecification], seeds: [UInt64], label: String = "points") throws -> [MeasuredPoint] {
        let points = points.map(overrides.apply)
        // Validated and planned as `point` plans them, before any work (the CPU-time limit is checked by the
        // caller with `WorkEstimate(points:seedCount:)` before the store exists).
        _ = try points.map { try PointPlan($0) }
        var missing: [PointSpecification] = []
        var present = 0, reused = 0
        for p in points {
            let configuration = p.storeConfiguration
            let existing = try store.existingSeeds(for: configuration)
            for s in seeds where shard.contains(configuration, seed: s) {
                if !existing.contains(s) {
                    missing.append(p.withSeed(s))
                } else if storedPairs.contains(configuration.key, seed: s) {
                    reused += 1
                } else {
                    present += 1
                }
            }
        }
        lastCounts = StoreCounts(stored: present, computed: missing.count, reused: reused)
        if let note = lastCounts.note(label: label, storePath: store.path) { progress.note(note) }
        if !missing.isEmpty {
            let concurrency = min(threads, missing.count)
            try MemoryEstimate(points: missing, concurrency: concurrency)
                .check(limit: memoryLimit, job: "\(label) (\(missing.count) points, \(concurrency) at once)", concurrency: concurrency)
        }
        try run(missing, label: label)
        let measured = try aggregate(points, seeds: seeds)
        if overrides.estimator == .conditional {
            estimatorUses += measured.map(EstimatorUse.init)
        }
        return measured
    }

    /// Computes and stores each specification (with its own seed).
    func run(_ work: [PointSpecification], label: String) throws {
        guard !work.isEmpty else { return }
        // Many independent points: one point per thread, BLAS single-threaded (bitwise reproducible).
        let blasThreads = BLAS.threadCount
        BLAS.setThreadCount(1)
        defer { BLAS.setThreadCount(blasThreads) }
        progress.begin(label, total: work.count)
        defer { progress.finish() }
        let next = AtomicCounter()
        let failure = FirstError()
        let store = self.store
        let progress = self.progress
        let tag = self.tag
        let storedPairs = self.storedPairs
        DispatchQueue.concurrentPerform(iterations: min(threads, work.count)) { _ in
            while failure.error == nil {
                let i = next.increment()
                if i >= work.count { break }
                do {
                    let spec = work[i]
                    let outcome = try PointEvaluator.evaluate(spec, threads: 1)
                    let configuration = spec.storeConfiguration
                    if try store.insert(StoredPoint(
                        configuration: configuration, seed: spec.seed, result: outcome.storeResult,
                        toolVersion: SparseScalingVersion.current, createdAt: Date(), tag: tag)) {
                        storedPairs.insert(configuration.key, seed: spec.seed)
                    }
                    progress.advance()
                } catch {
                    failure.record(error)
                }
            }
        }
        if let error = failure.error { throw error }
    }

    /// Aggregates stored results of `points` over `seeds` (points with no stored seed are left out).
    public func aggregate(_ points: [PointSpecification], seeds: [UInt64]) throws -> [MeasuredPoint] {
        let wanted = Set(seeds)
        return try points.compactMap { p in
            let rows = try store.points(for: p.storeConfiguration)
                .filter { wanted.contains($0.seed) }
                .sorted { $0.seed < $1.seed }
            guard !rows.isEmpty else { return nil }
            let count = Double(rows.count)
            var point = MeasuredPoint(
                specification: p, losses: rows.map(\.result.loss),
                meanObservedCoordinates: rows.reduce(0) { $0 + Double($1.result.observedCoordinates) } / count,
                meanSeconds: rows.reduce(0) { $0 + $1.result.seconds } / count,
                notConvergedSeeds: rows.filter { $0.result.converged == false }.count)
            if p.estimator == .conditional {
                point.conditionalSeeds = rows.filter { $0.result.extras["conditional_estimate"] == 1 }.count
            }
            return point
        }
    }
}

/// How many (point, seed) pairs of one measurement were in the store before this run, how many this
/// measurement computed, and how many an earlier measurement of the same run had stored.
package struct StoreCounts: Sendable, Equatable {
    /// Pairs stored before this run (by another command or an interrupted run).
    public let stored: Int
    /// Pairs computed and stored by this measurement.
    public let computed: Int
    /// Pairs an earlier measurement of this run stored (e.g. a first phase with fewer seeds), read back.
    public var reused: Int = 0

    /// "label: 40 of 160 (point, seed) pairs already stored in s.sqlite before this run; 40 measured earlier
    /// in this run", nil when every pair is new.
    func note(label: String, storePath: String) -> String? {
        guard stored + reused > 0 else { return nil }
        let total = stored + reused + computed
        var text = "\(label): \(stored) of \(total) (point, seed) pairs already stored in \(storePath) before this run"
        if reused > 0 { text += "; \(reused) measured earlier in this run" }
        return text
    }
}

/// The (configuration key, seed) pairs a runner stored, shared by its worker threads.
final class StoredPairs: @unchecked Sendable {
    private let lock = NSLock()
    private var pairs: Set<String> = []

    func insert(_ key: String, seed: UInt64) {
        lock.lock()
        pairs.insert("\(key)#\(seed)")
        lock.unlock()
    }

    func contains(_ key: String, seed: UInt64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return pairs.contains("\(key)#\(seed)")
    }
}

/// The first error raised by any worker.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func record(_ error: Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }
}
