import Foundation
import ResultsStore
import Testing
import TestSupport
@testable import SparseScaling

/// End to end (slow; heavy tier, SPARSE_SCALING_HEAVY_TESTS=1): `experiment curve` at (α, β, D) drawn at random from
/// α ∈ [−0.5, 0.5], β ∈ [2, 3], D ∈ [10³, 10⁴] (the box, D capped for time), N = 8…8192, 64 seeds
/// (256 below the band): no verdict row may disagree (each side a coverage test of the points' 95% CIs against
/// Binomial(n, 0.95), the medians above the peak the same, the peak median by its order-statistic CI).
@Suite struct LossCurveAccuracyTests {
    @Test(.heavy)
    func theoryAgreesAtRandomSettings() throws {
        var state: UInt64 = 0x5EED_C0DE
        func unit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        var configuration = LossCurveExperiment.Configuration.preset(.paper)
        configuration.settings = (0..<2).map { _ in
            .init(alpha: -0.5 + unit(), beta: 2 + unit(), sampleCount: Int(pow(10, 3 + unit())))
        }
        configuration.seeds = 64
        configuration.underparameterizedSeeds = 256
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("curve-accuracy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let runner = MeasurementRunner(store: try ResultsStore(path: folder.appendingPathComponent("s.sqlite").path))
        let result = try LossCurveExperiment.run(configuration: configuration, runner: runner)
        print(result.summaryText())
        for row in result.comparisonRows {
            #expect(row.verdict != .disagree, "\(row.quantity): measured \(row.measured ?? .nan) ± \(row.standardError ?? .nan)")
        }
    }
}
