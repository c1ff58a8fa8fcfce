import Foundation
import ScalingCalibration
import SparseScaling
import Testing

/// The standard design keeps its runs the stated factor away from the double-descent peak, and its tables
/// are the simulator's points: each run's loss is `PointEvaluator`'s at the same specification.
@Suite("Simulated table design")
struct SimulatedTableDesignTests {
    @Test("clearance from the peak", arguments: [(0.0, 2.0), (0.5, 3.0), (-0.5, 1.5)])
    func clearance(alpha: Double, beta: Double) throws {
        let parameters = try DataParameters(alpha: alpha, beta: beta)
        let design = SimulatedTableDesign.standard(parameters: parameters)
        // E[K] by the direct sum Σ_i [1 − (1 − i^−β)^D] to i = 10⁶ plus the tail ≈ D·∫ i^−β di beyond it.
        func observed(_ d: Int) -> Double {
            var sum = 0.0
            for i in stride(from: 1_000_000, through: 1, by: -1) { sum += -expm1(Double(d) * log1p(-pow(Double(i), -beta))) }
            return sum + Double(d) * pow(1e6, 1 - beta) / (beta - 1)
        }
        #expect(observed(design.dataRichSampleCount) >= SimulatedTableDesign.dataRichClearanceTarget * Double(design.dataRichFeatureCounts.max()!))
        #expect(Double(design.modelRichFeatureCount) >= SimulatedTableDesign.modelRichClearanceTarget * observed(design.modelRichSampleCounts.max()!))
        #expect(Set(design.sizes.map { "\($0.featureCount),\($0.sampleCount)" }).count == 2 * SimulatedTableDesign.runsPerSweep)
    }

    @Test("runs are the simulator's points")
    func runs() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let design = SimulatedTableDesign(parameters: parameters, dataRichFeatureCounts: [4, 6], dataRichSampleCount: 2048,
                                          modelRichSampleCounts: [16, 32], modelRichFeatureCount: 256)
        let runs = try SimulatedRunTable.runs(design, table: 3, seed: 5)
        for (k, run) in runs.enumerated() {
            let size = design.sizes[k]
            let point = try PointEvaluator.evaluate(PointSpecification(
                parameters: parameters, featureCount: size.featureCount, sampleCount: size.sampleCount,
                seed: 5 << 32 + 3 << 16 + UInt64(k), sampler: .sublinear), threads: 1)
            #expect(run.featureCount == Double(size.featureCount) && run.sampleCount == Double(size.sampleCount))
            #expect(run.loss == point.loss)
        }
        #expect(Set(runs.map(\.loss)).count == runs.count)
    }
}
