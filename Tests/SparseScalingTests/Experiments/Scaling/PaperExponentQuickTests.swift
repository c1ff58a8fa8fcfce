import Foundation
import ScalingAnalysis
import Testing
@testable import SparseScaling

/// The paper's headline exponents at α = 0, β = 2 with reduced sizes and seeds, run by default (the
/// full quick-profile version is `PaperExponentTests`, in the heavy tier, SPARSE_SCALING_HEAVY_TESTS=1):
/// the sparse D-sweep's α_D ≈ (α+β)/β = 1, the sparse N-sweep's α_N (→ α + β = 2), and their asymmetry.
/// Tolerances: 4 standard errors of the fit (from the scatter of the seed-averaged points about the
/// line) plus an allowance for the finite-size curvature of the exact expectation over the same range.
@Suite struct PaperExponentQuickTests {
    static let parameters = try! DataParameters(alpha: 0, beta: 2)

    /// The seed-averaged reduced-solver losses of the given (N, D) pairs, 4 seeds each, against the swept size.
    static func meanLosses(_ sizes: [(n: Int, d: Int)], sweptD: Bool) throws -> [ScalingPoint] {
        try sizes.map { size in
            let losses = try (0..<4).map { seed in
                try PointEvaluator.evaluate(
                    PointSpecification(parameters: parameters, featureCount: size.n, sampleCount: size.d, seed: UInt64(seed)), threads: 2
                , streamingBytes: .infinity).loss
            }
            let mean = losses.reduce(0, +) / 4
            let sd = (losses.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
            return ScalingPoint(x: Double(sweptD ? size.d : size.n), y: mean, standardError: sd / 2)
        }
    }

    @Test func sparseExponentsShowTheAsymmetry() throws {
        // Model-rich D-sweep, N = 4D: the exact expectation Σ λ_i (1 − p_i)^D gives the finite-D slope.
        let ds = (6...12).map { 1 << $0 }
        let dFit = try PowerLawFit(points: try Self.meanLosses(ds.map { (4 * $0, $0) }, sweptD: true))
        let exact = try PowerLawFit(x: ds.map(Double.init), y: ds.map { Self.parameters.modelRichLoss(sampleCount: Double($0)) })
        #expect(abs(exact.exponent - 1) < 0.05, "exact finite-D exponent \(exact.exponent)")
        let dTolerance = 4 * dFit.exponentStandardError + 0.03
        #expect(abs(dFit.exponent - exact.exponent) <= dTolerance, "α_D = \(dFit.exponent) ± \(dFit.exponentStandardError), exact sum \(exact.exponent)")
        #expect(abs(dFit.exponent - 1) <= dTolerance + 0.05, "α_D = \(dFit.exponent), predicted 1")

        // Data-rich N-sweep at D = 2^15 (K ≈ 320 ≥ 10 N): L ∝ N^−2 only asymptotically; at these sizes the
        // deterministic equivalent (docs/theory.md §6.3, 1–6% from the simulator) gives the finite-D slope.
        let d = 1 << 15
        let ns = [4, 8, 16, 32]
        let nFit = try PowerLawFit(points: try Self.meanLosses(ns.map { ($0, d) }, sweptD: false))
        let predictor = try LossCurvePredictor(parameters: Self.parameters, sampleCount: d)
        let predicted = try PowerLawFit(x: ns.map(Double.init), y: ns.map { try #require(predictor.deterministicEquivalentMean(featureCount: $0)) })
        let nTolerance = 4 * nFit.exponentStandardError + 0.1
        #expect(abs(nFit.exponent - predicted.exponent) <= nTolerance, "α_N = \(nFit.exponent) ± \(nFit.exponentStandardError), finite-D prediction \(predicted.exponent)")
        #expect(abs(predicted.exponent - 2) <= 0.4, "the finite-D prediction \(predicted.exponent) tends to α + β = 2")

        // The asymmetry: α_N/α_D well above 1 (→ β = 2 asymptotically), by many standard errors.
        let ratio = nFit.exponent / dFit.exponent
        #expect(ratio > 1.4 && ratio < 2.3, "α_N/α_D = \(ratio)")
        let difference = nFit.exponent - dFit.exponent
        #expect(difference > 6 * (nFit.exponentStandardError * nFit.exponentStandardError + dFit.exponentStandardError * dFit.exponentStandardError).squareRoot())
    }
}
