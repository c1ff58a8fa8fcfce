import Testing
import LinearAlgebra
import SparseScaling
@testable import SparseScalingBenchmarks

/// The bench's phase profile: the same loss as the point evaluator, and the readout's kernels with their nominal flops.
@Suite struct ReducedSolverProfileTests {
    @Test func profileMatchesThePointAndCountsTheReadoutKernels() throws {
        let spec = PointSpecification(
            parameters: try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite),
            featureCount: 64, sampleCount: 4096, data: .sparse, features: .linear, solver: .reduced)
        let profile = try ReducedSolverProfile(spec, threads: 1)
        let point = try PointEvaluator.evaluate(spec)
        #expect(abs(profile.lossValue - point.loss) <= 1e-12 * abs(point.loss))
        #expect(profile.readoutRoute == .refinedNormalEquations)
        let p = Double(min(64, profile.factorRank)), q = Double(max(64, profile.factorRank))
        let syrk = try #require(profile.readoutKernels.first { $0.name == "dsyrk" })
        let potrf = try #require(profile.readoutKernels.first { $0.name == "dpotrf" })
        #expect(syrk.flops == p * p * q && syrk.calls == 1 && syrk.seconds > 0)
        #expect(potrf.flops == p * p * p / 3 && potrf.calls == 1)
        #expect(profile.readoutKernels.reduce(0) { $0 + $1.seconds } <= profile.readout)
    }
}
