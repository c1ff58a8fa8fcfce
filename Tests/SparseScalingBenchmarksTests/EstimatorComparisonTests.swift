import Foundation
import Testing
import SparseScaling
@testable import SparseScalingBenchmarks

/// The estimator comparison's computations: SE·√t per D, the sweep-level SE of the D-exponent per
/// √CPU s against a hand computation, the seed bootstrap, and the rows and verdicts assembled from
/// synthetic seed measurements.
@Suite struct EstimatorComparisonTests {
    @Test func seedsGiveMeanStandardErrorAndErrorPerCPUSecond() {
        let s = EstimatorSeeds(sampleCount: 256, losses: [1, 2, 3, 4], cpuSeconds: 8)
        #expect(s.mean == 2.5)
        #expect(abs(s.standardDeviation - (5.0 / 3).squareRoot()) < 1e-15)
        #expect(abs(s.standardError - (5.0 / 3).squareRoot() / 2) < 1e-15)
        #expect(s.cpuSecondsPerSeed == 2)
        // SE·√t = sd·√(t/n).
        #expect(abs(s.unitError - (5.0 / 3).squareRoot() / 2 * 8.0.squareRoot()) < 1e-14)
        let replicate = s.replacingLosses([1, 1])
        #expect(replicate.cpuSeconds == 4 && replicate.sampleCount == 256)
    }

    /// D = 2, 4, 8 with means 4, 2, 1 (γ = 1 exactly) and seed spreads √2, √½, √½: weights (L/sd)² = 8, 8, 2,
    /// weighted mean of ln D = (5/3)·ln 2, Σ w (ln D − mean)² = 8·ln²2, so SE(γ) at one seed per D is
    /// 1/(ln 2·√8); one seed at every D costs 1 + 2 + 4 = 7 CPU s.
    @Test func sweepPrecisionMatchesAHandComputation() throws {
        let perD = [
            EstimatorSeeds(sampleCount: 2, losses: [3, 5], cpuSeconds: 2),
            EstimatorSeeds(sampleCount: 4, losses: [1.5, 2.5], cpuSeconds: 4),
            EstimatorSeeds(sampleCount: 8, losses: [0.5, 1.5], cpuSeconds: 8),
        ]
        let p = try SweepExponentPrecision(perD)
        #expect(abs(p.exponent - 1) < 1e-12)
        #expect(abs(p.fitStandardError) < 1e-6)
        let expected = 1 / (log(2.0) * 8.0.squareRoot())
        #expect(abs(p.seedStandardError - expected) < 1e-12 * expected)
        #expect(p.cpuSecondsPerSweepSeed == 7)
        #expect(abs(p.unitError - expected * 7.0.squareRoot()) < 1e-12)
        #expect(p.pointCount == 3)
        // Twice the seeds (same spread per seed up to n − 1) and twice the CPU: SE(γ)·√T unchanged to
        // the n − 1 factor, √(3/4)/√(1/2) between n = 4 and n = 2.
        let doubled = perD.map { EstimatorSeeds(sampleCount: $0.sampleCount, losses: $0.losses + $0.losses, cpuSeconds: 2 * $0.cpuSeconds) }
        let q = try SweepExponentPrecision(doubled)
        #expect(abs(q.unitError / p.unitError - (2.0 / 3).squareRoot()) < 1e-12)
    }

    @Test func sweepPrecisionRefusesTooFewPoints() {
        let two = [EstimatorSeeds(sampleCount: 2, losses: [3, 5], cpuSeconds: 2),
                   EstimatorSeeds(sampleCount: 4, losses: [1.5, 2.5], cpuSeconds: 4)]
        #expect(throws: (any Error).self) { try SweepExponentPrecision(two) }
    }

    /// For two independent normal samples of 64 the bootstrap spread of ln(sd_a/sd_b) is near
    /// √(2/(2·63)) ≈ 0.126; the interval is deterministic for a fixed seed and holds the point estimate.
    @Test func bootstrapOfASpreadRatio() throws {
        var stream = RandomStream(seed: 7, purpose: .replicate, index: 0)
        let a = EstimatorSeeds(sampleCount: 256, losses: (0..<64).map { _ in 1 + 0.3 * stream.normal() }, cpuSeconds: 64)
        let b = EstimatorSeeds(sampleCount: 256, losses: (0..<64).map { _ in 1 + 0.1 * stream.normal() }, cpuSeconds: 1)
        let ratio: ([EstimatorSeeds], [EstimatorSeeds]) -> Double = { $0[0].unitError / $1[0].unitError }
        let point = ratio([a], [b])
        let first = try #require(SeedBootstrap(numerator: [a], denominator: [b], seed: 3, ratio: ratio))
        let again = try #require(SeedBootstrap(numerator: [a], denominator: [b], seed: 3, ratio: ratio))
        #expect(first == again)
        #expect(first.replicates == 2000)
        #expect(first.lower < point && point < first.upper)
        #expect(first.relativeSpread > 0.09 && first.relativeSpread < 0.17)
        // Constant losses give a zero denominator in every replicate: no interval.
        let constant = EstimatorSeeds(sampleCount: 256, losses: [1, 1, 1], cpuSeconds: 1)
        #expect(SeedBootstrap(numerator: [a], denominator: [constant], ratio: ratio) == nil)
    }

    /// Synthetic seeds: the default estimator's losses spread 3× the conditional's and cost 100× the
    /// CPU per seed (ratio 3·√100 = 30 at every D, and in the sweep), both with mean 1/D.
    @Test func rowsAndVerdictsFromSyntheticSeeds() throws {
        var plan = BenchmarkPlan.quick
        plan.estimatorSweep = [1 << 8, 1 << 9, 1 << 10, 1 << 11]
        plan.estimatorSampleLimit = 1 << 10
        plan.estimatorSeeds = 16
        let runner = BenchmarkRunner(plan: plan) { job in
            guard case let .seeds(spec, seeds, _, _, _, _) = job else { return .failure("unexpected job") }
            let conditional = spec.estimator == .conditional
            let level = 1 / Double(spec.sampleCount)
            var m = BenchmarkMeasurement(seconds: 1)
            // Alternating ±1 around the mean: sd = √(16/15), the same for both.
            m.losses = seeds.indices.map { i in level * (1 + (conditional ? 0.01 : 0.03) * (i.isMultiple(of: 2) ? 1 : -1)) }
            m.cpuSeconds = Double(seeds.count) * (conditional ? 0.01 : 1)
            m.conditionalCount = conditional ? seeds.count : 0
            return m
        }
        let report = try runner.runEstimatorComparison()
        let perD = report.rows.filter { $0.name == "conditional vs sample estimator, SE per CPU second" }
        #expect(perD.map(\.d) == plan.estimatorSweep)
        for row in perD.prefix(3) {
            #expect(abs(try #require(row.ratio) - 30) < 1e-9)
            #expect(try #require(row.pairedZ).isFinite)
        }
        #expect(perD[3].ratio == nil)
        #expect(perD[3].note?.contains("sample estimator not run: its W_S (N × K") == true)
        let sweep = try #require(report.rows.last)
        #expect(sweep.name.hasPrefix("conditional vs sample estimator, D-exponent"))
        #expect(abs(try #require(sweep.ratio) - 30) < 1e-9)
        #expect(sweep.d == 1 << 10)
        #expect(report.verdicts.count == 3)
        #expect(report.verdicts[0].met == true && report.verdicts[1].met == true)
        #expect(report.verdicts[1].detail.contains("≥ 10× from D = 256 on"))
    }

    /// A deadline already past: the seeds job stops after the few seeds it always runs (rounds of one
    /// seed per thread), and the runner starts the default estimator at no D, saying why.
    @Test func deadlineStopsSeedsAndSkipsTheDefaultEstimator() throws {
        let spec = PointSpecification(
            parameters: try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite),
            featureCount: 8, sampleCount: 16, data: .sparse, features: .linear, solver: .reduced)
        let past = Date(timeIntervalSinceNow: -1)
        let m = try SeedLosses.measure(spec, seeds: Array(0..<32), minimumSeeds: 16, concurrency: 1, deadline: past)
        #expect(m.losses?.count == SeedLosses.deadlineMinimumSeeds)
        var plan = BenchmarkPlan.quick
        plan.estimatorSweep = [1 << 8]
        plan.estimatorDeadline = past
        let runner = BenchmarkRunner(plan: plan) { job in
            guard case let .seeds(spec, seeds, _, _, _, _) = job, spec.estimator == .conditional else { return .failure("sample estimator run") }
            var m = BenchmarkMeasurement(seconds: 1)
            m.losses = seeds.indices.map { 1 + 0.01 * Double($0 % 3) }
            m.cpuSeconds = 1
            return m
        }
        let report = try runner.runEstimatorComparison()
        #expect(report.rows[0].ratio == nil)
        #expect(report.rows[0].note?.contains("sample estimator not run: the run's time budget ended") == true)
        #expect(report.rows.last?.note?.hasPrefix("not measured") == true)
    }

    /// A per-D ratio below 10× at the smallest D fails the per-D verdict and names the D from which it
    /// holds; the sweep verdict is decided by its own ratio.
    @Test func perDVerdictFailsBelowTenAndNamesWhereItHolds() {
        let runner = BenchmarkRunner(plan: .quick) { _ in .failure("not run") }
        var report = BenchmarkReport()
        for (d, ratio) in [(256, 3.0), (512, 12.0), (1024, 11.0)] {
            var row = BenchmarkRow(name: "conditional vs sample estimator, SE per CPU second", n: 4 * d, d: d)
            row.ratio = ratio
            row.pairedZ = 0.5
            report.rows.append(row)
        }
        var sweep = BenchmarkRow(name: "conditional vs sample estimator, D-exponent SE per CPU second (sweep)", d: 1024)
        sweep.ratio = 9.5
        report.rows.append(sweep)
        let verdicts = runner.estimatorVerdicts(report)
        #expect(verdicts[0].met == false)
        #expect(verdicts[1].met == false)
        #expect(verdicts[1].detail.contains("≥ 10× from D = 512 on"))
        #expect(verdicts[2].met == true)
    }
}
