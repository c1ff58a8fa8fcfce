import Foundation
import ResultsStore
import Testing
@testable import SparseScaling

/// The measurement runner: resume, sharding, merging and thread-count independence.
@Suite struct MeasurementRunnerTests {
    func temporaryStore() throws -> (ResultsStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)/s.sqlite").path
        return (try ResultsStore(path: path), path)
    }

    func plan() throws -> (points: [PointSpecification], seeds: [UInt64]) {
        let base = PointSpecification(parameters: try DataParameters(alpha: 0, beta: 2), featureCount: 1, sampleCount: 1)
        let plan = SweepPlan(base: base, featureCounts: [4, 8, 16], sampleCounts: [100, 300], seeds: [0, 1, 2])
        return (plan.points, plan.seeds)
    }

    /// (configuration key, seed) → loss bit pattern of every stored row.
    func losses(_ store: ResultsStore) throws -> [String: UInt64] {
        var map: [String: UInt64] = [:]
        for p in try store.allPoints() { map["\(p.configuration.key)#\(p.seed)"] = p.result.loss.bitPattern }
        return map
    }

    @Test func rerunComputesNothingAndReturnsTheSameNumbers() throws {
        let (store, _) = try temporaryStore()
        let (points, seeds) = try plan()
        let runner = MeasurementRunner(store: store, threads: 2)
        let first = try runner.measure(points, seeds: seeds)
        let rows = try store.allPoints()
        let second = try runner.measure(points, seeds: seeds)
        #expect(try store.allPoints() == rows)
        #expect(first.map(\.losses) == second.map(\.losses))
        #expect(try store.count == points.count * seeds.count)
        #expect(first.allSatisfy { $0.seedCount == 3 })
    }

    /// A second measurement of the same pairs in one run (a later phase, another experiment of `reproduce`)
    /// counts them as measured earlier in this run, not as stored before it; a new run counts them as stored.
    @Test func storeCountsSeparatePairsStoredBeforeTheRunFromThisRunsOwn() throws {
        let (store, path) = try temporaryStore()
        let (points, _) = try plan()
        let runner = MeasurementRunner(store: store, threads: 2)
        _ = try runner.measure(points, seeds: [0, 1])
        #expect(runner.lastCounts == StoreCounts(stored: 0, computed: 2 * points.count))
        _ = try runner.measure(points, seeds: [0, 1, 2, 3])
        #expect(runner.lastCounts == StoreCounts(stored: 0, computed: 2 * points.count, reused: 2 * points.count))
        #expect(runner.lastCounts.note(label: "phase 2", storePath: path)
                == "phase 2: 0 of \(4 * points.count) (point, seed) pairs already stored in \(path) before this run; \(2 * points.count) measured earlier in this run")
        let next = MeasurementRunner(store: store, threads: 2)
        _ = try next.measure(points, seeds: [0, 1, 2, 3, 4])
        #expect(next.lastCounts == StoreCounts(stored: 4 * points.count, computed: points.count))
        #expect(next.lastCounts.note(label: "x", storePath: path)?.hasSuffix("before this run") == true)
        #expect(StoreCounts(stored: 0, computed: 3).note(label: "x", storePath: path) == nil)
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let (points, seeds) = try plan()
        let (one, _) = try temporaryStore()
        let (two, _) = try temporaryStore()
        _ = try MeasurementRunner(store: one, threads: 1).measure(points, seeds: seeds)
        _ = try MeasurementRunner(store: two, threads: 2).measure(points, seeds: seeds)
        #expect(try losses(one) == losses(two))
    }

    @Test func shardsPartitionTheWorkAndMergeIntoTheUnshardedResult() throws {
        let (points, seeds) = try plan()
        let (whole, _) = try temporaryStore()
        _ = try MeasurementRunner(store: whole).measure(points, seeds: seeds)
        var shardPaths: [String] = []
        var shardCounts: [Int] = []
        for k in 1...3 {
            let (store, path) = try temporaryStore()
            _ = try MeasurementRunner(store: store, shard: try Shard(index: k, count: 3)).measure(points, seeds: seeds)
            shardPaths.append(path)
            shardCounts.append(try store.count)
        }
        #expect(shardCounts.reduce(0, +) == points.count * seeds.count)
        let (merged, _) = try temporaryStore()
        try merged.merge(from: shardPaths)
        #expect(try losses(merged) == losses(whole))
    }

    @Test func anInterruptedRunIsCompletedWithoutDuplicates() throws {
        let (points, seeds) = try plan()
        let (store, _) = try temporaryStore()
        // Simulate an interruption: only part of the work was committed.
        _ = try MeasurementRunner(store: store).measure(Array(points.prefix(2)), seeds: [0, 1])
        _ = try MeasurementRunner(store: store).measure(points, seeds: seeds)
        let (reference, _) = try temporaryStore()
        _ = try MeasurementRunner(store: reference).measure(points, seeds: seeds)
        #expect(try losses(store) == losses(reference))
        #expect(try store.count == points.count * seeds.count)
    }
}
