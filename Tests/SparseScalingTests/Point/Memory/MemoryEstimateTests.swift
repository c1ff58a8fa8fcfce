import Testing
@testable import SparseScaling

/// Properties of the memory estimate that need no measurement. Its bounds against measured peaks
/// (estimate ≥ peak, ≤ 3 × peak, every command) are checked by `MemoryPeakTests` in the CLI tests,
/// which run the built command line and read the child's peak RSS.
@Suite("Memory estimate")
struct MemoryEstimateTests {
    @Test("a sweep counts the largest points once per thread")
    func concurrency() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let points = [1000, 2000].flatMap { n in
            [100_000, 200_000].map { PointSpecification(parameters: parameters, featureCount: n, sampleCount: $0) }
        }
        let one = MemoryEstimate(points: points, concurrency: 1).bytes
        let two = MemoryEstimate(points: points, concurrency: 2).bytes
        #expect(two > one && two < 2 * one)
        // Two at once: the baseline once plus the two largest working sets.
        let working = points.map { MemoryEstimate(point: $0).bytes - MemoryEstimate.baselineBytes }.sorted(by: >)
        #expect(abs(two - (MemoryEstimate.baselineBytes + working[0] + working[1])) < 1)
    }

    @Test("the seeds of one configuration share its estimate: 100 000 seeds cost one estimate, and count once per thread")
    func seeds() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let small = PointSpecification(parameters: parameters, featureCount: 8, sampleCount: 16)
        let large = PointSpecification(parameters: parameters, featureCount: 1000, sampleCount: 100_000)
        let points = (0..<100_000).map { seed -> PointSpecification in
            var p = seed % 2 == 0 ? small : large
            p.seed = UInt64(seed)
            return p
        }
        let working = [large, small].map { MemoryEstimate(point: $0).bytes - MemoryEstimate.baselineBytes }
        let three = MemoryEstimate(points: points, concurrency: 3).bytes
        #expect(abs(three - (MemoryEstimate.baselineBytes + 3 * working[0])) < 1e-6 * three)
        let many = MemoryEstimate(points: Array(points.prefix(4)), concurrency: 3).bytes
        #expect(abs(many - (MemoryEstimate.baselineBytes + 2 * working[0] + working[1])) < 1e-6 * many)
    }

    @Test("impossible sizes give a finite refusal, not an overflow")
    func huge() throws {
        let spec = PointSpecification(parameters: try DataParameters(alpha: 0, beta: 2), featureCount: 1 << 40, sampleCount: 1 << 50)
        let estimate = MemoryEstimate(point: spec)
        #expect(estimate.bytes > 1e18)
        #expect(throws: MemoryLimitExceeded.self) { try estimate.check(limit: 64 * 1_073_741_824, job: "test") }
        #expect(MemoryEstimate.expectedActivePerSample(try DataParameters(alpha: 0, beta: 2)) > 1.64)
    }

    @Test("export adds the arrays it writes: X_S and its file image grow with K·D")
    func export() throws {
        let spec = PointSpecification(parameters: try DataParameters(alpha: 0, beta: 2), featureCount: 64, sampleCount: 300_000)
        let point = MemoryEstimate(point: spec).bytes, export = MemoryEstimate(export: try PointPlan(spec)).bytes
        let k = spec.parameters.expectedObservedCoordinates(sampleCount: 300_000)
        #expect(export - point >= 16 * k * 300_000)
        #expect(export > 4.6 * 1_073_741_824)  // the measured peak of that export before the writer was made lean
    }

    @Test("gd-failure grows with D and the worker count, and D = 1e15 is beyond any machine")
    func gdFailure() throws {
        func estimate(_ d: Int, threads: Int) throws -> Double {
            try MemoryEstimate(gdFailure: GDFailureSettings(sampleCounts: [1000, d], replicates: 100), threads: threads).bytes
        }
        #expect(try estimate(100_000, threads: 2) > estimate(10_000, threads: 2))
        #expect(try estimate(100_000, threads: 2) > estimate(100_000, threads: 1))
        #expect(try estimate(1_000_000_000_000_000, threads: 1) > 1e15)
        // One replicate cannot use two workers.
        let one = try MemoryEstimate(gdFailure: GDFailureSettings(sampleCounts: [10_000], replicates: 1), threads: 8).bytes
        #expect(one == (try MemoryEstimate(gdFailure: GDFailureSettings(sampleCounts: [10_000], replicates: 1), threads: 1).bytes))
    }

    @Test("a plan's estimate is its largest batch, not the sum")
    func plan() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let small = PlannedBatch(label: "small", points: [PointSpecification(parameters: parameters, featureCount: 8, sampleCount: 64)])
        let large = PlannedBatch(label: "large", points: [PointSpecification(parameters: parameters, featureCount: 2000, sampleCount: 100_000)])
        let both = MemoryEstimate(batches: [small, large], seedCount: 1, concurrency: 2).bytes
        #expect(both == MemoryEstimate(batches: [large], seedCount: 1, concurrency: 2).bytes)
        #expect(both == MemoryEstimate(point: large.points[0]).bytes)
        // The whole reproduction is estimated before any work, and covers its largest step.
        let reproduction = try ReproductionPlan(profile: .quick).memoryEstimate(alpha: 0, beta: 2, gdAlpha: -1.5, threads: 2)
        #expect(reproduction.bytes > MemoryEstimate.baselineBytes)
        #expect(reproduction.bytes >= MemoryEstimate(batches: try LinearSweepsExperiment.plan(alpha: 0, beta: 2, configuration: .preset(.quick)), seedCount: 4, concurrency: 2).bytes)
    }
}
