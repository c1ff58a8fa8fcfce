import Foundation
import Testing
@testable import SparseScaling

/// What the index cap (no coordinate beyond 2^62 drawn when M = ∞) leaves out, against the closed form
/// of the tail sums, and the points refused because it leaves out too much.
@Suite struct IndexCapLossTests {
    /// Σ_{i > c} i^-s by Euler–Maclaurin's first two terms, c^(1−s)/(s−1) − c^(−s)/2 (the next is ~s/(12c²)
    /// of the first, negligible at c = 2^62).
    static func tailSum(_ s: Double, beyond c: Int) -> Double {
        let x = Double(c)
        return pow(x, 1 - s) / (s - 1) - pow(x, -s) / 2
    }

    @Test(arguments: [(1.2, 10_000_000), (1.5, 1_000_000), (2.0, 10_000_000_000), (1.05, 1000)])
    func entriesBeyondTheCapMatchTheClosedForm(beta: Double, d: Int) throws {
        let parameters = try DataParameters(alpha: 0.5, beta: beta)
        let cap = try #require(IndexCapLoss(parameters: parameters, sampleCount: d))
        #expect(cap.cap == SparseSampler.indexCap)
        let beyond = Self.tailSum(beta, beyond: cap.cap)
        #expect(abs(cap.entriesBeyond - Double(d) * beyond) <= 1e-9 * Double(d) * beyond)
        #expect(abs(cap.entryFraction - beyond / Zeta.riemann(beta)) <= 1e-9 * cap.entryFraction)
        let s = parameters.varianceExponent
        #expect(abs(cap.varianceFraction - Self.tailSum(s, beyond: cap.cap) / Zeta.riemann(s)) <= 1e-9 * cap.varianceFraction)
    }

    /// β = 1.2, D = 10⁷ (issue 15's near-one point): about 9·10³ entries beyond the cap, reported;
    /// β = 2, D = 10¹⁰: about 2·10⁻⁹, negligible; finite M has no cap.
    @Test func negligibleOnlyFarFromOne() throws {
        let near = try #require(IndexCapLoss(parameters: try DataParameters(alpha: 0, beta: 1.2), sampleCount: 10_000_000))
        #expect(near.entriesBeyond > 8000 && near.entriesBeyond < 10_000 && !near.isNegligible)
        let far = try #require(IndexCapLoss(parameters: try DataParameters(alpha: 0, beta: 2), sampleCount: 10_000_000_000))
        #expect(far.entriesBeyond < 1e-8 && far.isNegligible)
        #expect(IndexCapLoss(parameters: try DataParameters(alpha: 0, beta: 1.2, inputDimension: .finite(1000)), sampleCount: 10) == nil)
    }

    /// More than 1% of the entries beyond the cap (β ≤ 1.1) is refused naming M and β; β = 1.2 is accepted,
    /// and so is β = 1.05 with a finite M.
    @Test func pointsLosingMoreThanOnePercentAreRefused() throws {
        for beta in [1.01, 1.05, 1.1] {
            let spec = try StreamedPointTests.specification(n: 8, d: 16, seed: 0, beta: beta)
            #expect(throws: ParameterError.self) { try spec.validate() }
            do { try spec.validate() } catch let error as ParameterError {
                #expect(error.parameter == .inputDimension)
                #expect(error.description.contains("β 1.0") || error.description.contains("β 1.1"), "\(error)")
            }
        }
        try StreamedPointTests.specification(n: 8, d: 16, seed: 0, beta: 1.2).validate()
        try StreamedPointTests.specification(n: 8, d: 16, seed: 0, beta: 1.05, m: .finite(1000)).validate()
    }
}
