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
