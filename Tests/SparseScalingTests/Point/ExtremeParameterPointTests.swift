import Foundation
import Testing
@testable import SparseScaling

/// Points at extreme but valid parameters (issue 17): finite losses that agree with independent
/// computations, refusals instead of NaN, and bounded work.
@Suite("Points at extreme parameters")
struct ExtremeParameterPointTests {
    @Test("α = −100, β = 101 (printed NaN) equals α = −60, β = 61: same data, same λ_i = i^−2")
    func largeNegativeAlpha() throws {
        // Coordinate i ≥ 2 is active with probability ≤ 2^−61 here, so S = {1} and the readouts agree;
        // the loss is then (‖v‖²/N + 1)·(ζ(2) − 1) exactly.
        let extreme = PointSpecification(parameters: try DataParameters(alpha: -100, beta: 101), featureCount: 4, sampleCount: 10)
        let moderate = PointSpecification(parameters: try DataParameters(alpha: -60, beta: 61), featureCount: 4, sampleCount: 10)
        let a = try PointEvaluator.evaluate(extreme, threads: 1)
        let b = try PointEvaluator.evaluate(moderate, threads: 1)
        #expect(a.loss.isFinite && a.observedCoordinates == 1)
        #expect(relativeDifference(a.loss, b.loss) < 1e-14)
        let v = a.readout
        let normSquared = v.reduce(0) { $0 + $1 * $1 }
        let expected = (normSquared / 4 + 1) * (Double.pi * Double.pi / 6 - 1)
        #expect(relativeDifference(a.lossTail, expected) < 1e-13)
        #expect(try PointSummary(plan: try PointPlan(extreme), outcome: a).json().contains("\"loss\""))
    }

    @Test("The unobserved variance needs no difference of zeta values: exact at α ≪ −1, at s → 1 and at finite M")
    func unobservedVariance() throws {
        // λ_i = i^−2 although i^−(1+α) = i^99 overflows.
        let extreme = try DataParameters(alpha: -100, beta: 101)
        #expect(relativeDifference(UnobservedVariance.sum(parameters: extreme, observed: [1]), Double.pi * Double.pi / 6 - 1) < 1e-14)
        // s = 1 + α + β = 1 + 1e-9 on M = 200 000 (the bound of the head is 65 536): against the direct sum.
        let nearOne = try DataParameters(alpha: -0.5 + 1e-9, beta: 0.5, inputDimension: .finite(200_000))
        let observed = [1, 5, 70_000, 150_000]
        var direct = 0.0, compensation = 0.0
        for i in 1...200_000 where !observed.contains(i) {
            let t = nearOne.marginalVariance(i), s = direct + t
            compensation += abs(direct) >= abs(t) ? (direct - s) + t : (t - s) + direct
            direct = s
        }
        #expect(relativeDifference(UnobservedVariance.sum(parameters: nearOne, observed: observed), direct + compensation) < 1e-13)
        // s rounds to exactly 1 (α + β = 1e-20): the harmonic tail, where ζ(s, a) is undefined.
        let harmonic = try DataParameters(alpha: 1e-20, beta: 0, inputDimension: .finite(100_000))
        let h = UnobservedVariance.sum(parameters: harmonic, observed: [1])
        var reference = 0.0
        for i in stride(from: 100_000, through: 2, by: -1) { reference += 1 / Double(i) }
        #expect(relativeDifference(h, reference) < 1e-13)
    }

    @Test("A loss that is not finite is refused, never returned")
    func nonFiniteLossIsRefused() throws {
        let spec = PointSpecification(parameters: try DataParameters(alpha: 0, beta: 2), featureCount: 4, sampleCount: 10)
        let bad = PointOutcome(loss: LossParts(observed: 1, tail: .nan), observedCoordinates: 1, rank: 1, seconds: 0, readout: [])
        #expect(throws: NonFiniteLoss.self) { try bad.checkFinite(spec) }
        let overflow = PointOutcome(loss: LossParts(observed: .infinity, tail: 0), observedCoordinates: 1, rank: 1, seconds: 0, readout: [])
        #expect(throws: NonFiniteLoss.self) { try overflow.checkFinite(spec) }
        let fine = PointOutcome(loss: LossParts(observed: 1, tail: 2), observedCoordinates: 1, rank: 1, seconds: 0, readout: [])
        try fine.checkFinite(spec)
    }

    @Test("The realized tail, a loop over all M coordinates, is bounded")
    func realizedTailBound() throws {
        let huge = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(1_000_000_000_000_000_000))
        let spec = PointSpecification(parameters: huge, featureCount: 4, sampleCount: 10, tail: .realized)
        #expect(throws: ParameterError.self) { try spec.validate() }
        let small = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(1000))
        try PointSpecification(parameters: small, featureCount: 4, sampleCount: 10, tail: .realized).validate()
    }

    @Test("α = 10^5 (hung before the memory check): the memory estimate is immediate")
    func hugeAlphaMemoryEstimate() throws {
        let start = Date()
        let p = try DataParameters(alpha: 1e5, beta: 0.5, inputDimension: .finite(1_000_000))
        let estimate = MemoryEstimate(point: PointSpecification(parameters: p, featureCount: 8, sampleCount: 100))
        let sameData = try DataParameters(alpha: 0, beta: 0.5, inputDimension: .finite(1_000_000))
        #expect(estimate.bytes == MemoryEstimate(point: PointSpecification(parameters: sameData, featureCount: 8, sampleCount: 100)).bytes)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

/// |x − y| / |y|.
private func relativeDifference(_ x: Double, _ y: Double) -> Double { abs(x - y) / abs(y) }
