import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// The matrix data × solver × tail × σ × ridge × M × {in memory, streamed} of exact linear points,
/// through `PointEvaluator`, against an independent reference: the dense pseudoinverse (or ridge
/// solution) of F = W_S X_S computed here from the instance's arrays, with the labels whose readout the
/// route defines (per-sample σε for direct; for the reduced routes the export's labels, whose noise
/// projects onto σz). Tolerance 1e-8 relative: both sides are backward stable, and these instances have
/// cond(F) < 1e5, so rounding differs by at most cond × ε ≈ 1e-11 per solve (margin 1000 for the loss).
@Suite struct PointCombinationTests {
    struct Case: CustomStringConvertible, Sendable {
        let data: DataKind
        let solver: SolverKind
        let tail: TailEstimator
        let sigma: Double
        let ridge: Double
        let m: InputDimension
        let streamed: Bool
        var description: String { "\(data) \(solver) \(tail) σ=\(sigma) λ=\(ridge) M=\(m) streamed=\(streamed)" }
    }

    static let cases: [Case] = {
        var list: [Case] = []
        for data in [DataKind.sparse, .dense] {
            for solver in [SolverKind.reduced, .direct] {
                for m in [InputDimension.finite(500), .infinite] where !(data == .dense && m == .infinite) {
                    for tail in [TailEstimator.expected, .realized] where !(tail == .realized && (m == .infinite || data == .dense)) {
                        for sigma in [0.0, 0.2] {
                            for ridge in [0.0, 0.01] {
                                for streamed in [false, true] where !streamed || (data == .sparse && solver == .reduced) {
                                    list.append(Case(data: data, solver: solver, tail: tail, sigma: sigma, ridge: ridge, m: m, streamed: streamed))
                                }
                            }
                        }
                    }
                }
            }
        }
        return list
    }()

    @Test(arguments: cases)
    func exactRoutesEqualTheDensePseudoinverse(c: Case) throws {
        let parameters = try DataParameters(alpha: 0.3, beta: c.data == .dense ? 0.5 : 1.6, inputDimension: c.m)
        let spec = PointSpecification(
            parameters: parameters, featureCount: 30, sampleCount: c.data == .dense ? 40 : 300, data: c.data,
            solver: c.solver, ridge: c.ridge, tail: c.tail, seed: 21, labelNoise: c.sigma)
        let plan = try PointPlan(spec, streamingBytes: c.streamed ? 0 : .infinity)
        #expect(plan.route == (c.solver == .direct ? .direct : (c.streamed ? .reducedStreamed : .reducedInMemory)))
        let outcome = try PointEvaluator.evaluate(plan, threads: 1)

        // The reference, from the instance's arrays.
        let instance = try TrainingInstance(spec, threads: 1)
        let labels = c.solver == .direct ? instance.noisyLabels()
            : try ExportedLabels.labels(instance, plan: try PointPlan(spec, streamingBytes: .infinity))
        let f = BLAS.product(instance.embedding, instance.observedSamples())
        let v: [Double]
        if c.ridge == 0 {
            v = try Pseudoinverse.rowTimesPseudoinverseBySVD(
                labels, f, relativeTolerance: Pseudoinverse.defaultTolerance(rows: f.rows, columns: f.columns)).solution
        } else {
            // v = y Fᵀ (F Fᵀ + λ D I)⁻¹ through the pseudoinverse of the (invertible) regularized Gram matrix.
            var g = BLAS.product(f, f.transposed)
            for i in 0..<g.rows { g[i, i] += c.ridge * Double(spec.sampleCount) }
            let yf = BLAS.multiply(f, labels)
            v = try Pseudoinverse.rowTimesPseudoinverseBySVD(yf, g, relativeTolerance: 1e-14).solution
        }
        let observed = PopulationLoss.observedPart(
            parameters: parameters, coordinates: instance.observed, embedding: instance.embedding,
            teacher: instance.teacher, readout: v)
        let tail = PopulationLoss.tail(c.tail, parameters: parameters, observed: instance.observed, readout: v, seed: spec.seed, threads: 1)
        let reference = observed + tail
        #expect(abs(outcome.loss - reference) <= 1e-8 * reference, "\(c): \(outcome.loss) vs \(reference)")
        #expect(outcome.testLoss == outcome.loss + c.sigma * c.sigma)
    }
}
