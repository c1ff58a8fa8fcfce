import Foundation
import ResultsStore
import Testing
import TestSupport
@testable import SparseScaling

/// The paper's headline measurements at α = 0, β = 2 with the quick profile's sizes. They take about
/// a minute in a release build and several in a debug build, so they run only in the heavy tier
/// (SPARSE_SCALING_HEAVY_TESTS=1); `PaperExponentQuickTests` checks the same asymmetry at smaller sizes in
/// the default tier, and `reproduce` checks these numbers in every run's report.
@Suite(.heavy)
struct PaperExponentTests {
    @Test func linearSweepsShowTheAsymmetry() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("paper-\(UUID().uuidString)/s.sqlite").path
        let runner = MeasurementRunner(store: try ResultsStore(path: path))
        let result = try LinearSweepsExperiment.run(alpha: 0, beta: 2, configuration: .preset(.quick), runner: runner)
        let sparseD = try #require(result.alphaDSparse)
        #expect(abs(sparseD - 1) <= 0.05)
        let sparseN = try #require(result.series.first { $0.name == "sparse N-sweep" }?.fit?.exponent)
        #expect(abs(sparseN - 2) <= 0.15)
        let joint = try #require(result.joint)
        #expect(!joint.sharedExponentRejected)
        #expect(result.sparseDConsistency?.isConsistent == false)
    }
}
