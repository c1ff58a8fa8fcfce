import Foundation
import Testing
@testable import ScalingTheory

@Suite("Observed coordinates and model-rich loss against mpmath")
struct SparseSumTests {
    @Test("E[K(D)] matches the 40-digit reference to 1e-10", arguments: sparseSumReferences)
    func observedCoordinates(_ r: SparseSumReference) throws {
        let p = try DataParameters(alpha: r.alpha, beta: r.beta, inputDimension: r.m)
        let k = p.expectedObservedCoordinates(sampleCount: r.d)
        #expect(relativeError(k, r.observedCoordinates) < 1e-10, "α=\(r.alpha) β=\(r.beta) M=\(r.m) D=\(r.d): \(k)")
    }

    @Test("L_over(D) matches the 40-digit reference to 1e-10", arguments: sparseSumReferences)
    func modelRichLoss(_ r: SparseSumReference) throws {
        let p = try DataParameters(alpha: r.alpha, beta: r.beta, inputDimension: r.m)
        let l = p.modelRichLoss(sampleCount: r.d)
        if r.modelRichLoss == 0 {
            #expect(l < 1e-300)
        } else {
            #expect(relativeError(l, r.modelRichLoss) < 1e-10, "α=\(r.alpha) β=\(r.beta) M=\(r.m) D=\(r.d): \(l)")
        }
    }

    @Test("Steep summands cut off by a finite M", arguments: steepModelRichLossReferences)
    func steepModelRichLoss(_ r: SparseSumReference) throws {
        let p = try DataParameters(alpha: r.alpha, beta: r.beta, inputDimension: r.m)
        #expect(relativeError(p.modelRichLoss(sampleCount: r.d), r.modelRichLoss) < 1e-10)
        #expect(relativeError(p.expectedObservedCoordinates(sampleCount: r.d), r.observedCoordinates) < 1e-10)
    }

    @Test("Euler–Maclaurin agrees with term-by-term summation just past the direct-sum limit")
    func eulerMaclaurinMatchesDirect() throws {
        let m = 60_000
        for (alpha, beta, d) in [(0.0, 2.0, 1e7), (-0.5, 0.7, 300.0), (2.0, 1.2, 1e12)] {
            let p = try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(m))
            for kind in [SparseSummand.Kind.observedCoordinates, .modelRichLoss] {
                let f = SparseSummand(kind: kind, beta: beta, varianceExponent: p.varianceExponent, sampleCount: d)
                let direct = EulerMaclaurin.direct(f, from: 1, through: m)
                let em = EulerMaclaurin.sum(f, from: 1, through: m)
                #expect(relativeError(em, direct) < 1e-12, "α=\(alpha) β=\(beta) D=\(d) \(kind)")
            }
        }
    }

    @Test("Edge cases: D = 0, β = 0, single coordinate")
    func edgeCases() throws {
        let p = try DataParameters(alpha: 1, beta: 2)
        #expect(p.expectedObservedCoordinates(sampleCount: 0) == 0)
        #expect(p.modelRichLoss(sampleCount: 0) == p.totalVariance)
        // D = 1: K(1) = Σ p_i = ζ(β); L(1) = Σ λ_i (1 − p_i) = ζ(1+α+β) − ζ(1+α+2β).
        #expect(relativeError(p.expectedObservedCoordinates(sampleCount: 1), Zeta.riemann(2)) < 1e-13)
        #expect(relativeError(p.modelRichLoss(sampleCount: 1), Zeta.riemann(4) - Zeta.riemann(6)) < 1e-12)
        let dense = try DataParameters(alpha: 0.5, beta: 0, inputDimension: .finite(50))
        #expect(dense.expectedObservedCoordinates(sampleCount: 3) == 50)
        #expect(dense.modelRichLoss(sampleCount: 3) == 0)
        let one = try DataParameters(alpha: 0.5, beta: 0.5, inputDimension: .finite(1))
        #expect(one.expectedObservedCoordinates(sampleCount: 7) == 1)
        #expect(one.modelRichLoss(sampleCount: 7) == 0)
    }

    @Test("Asymptotes approach the exact sums as D grows", arguments: [(0.0, 2.0), (-0.5, 1.5), (-1.5, 2.0), (1.0, 3.0)])
    func asymptotesConverge(_ alpha: Double, _ beta: Double) throws {
        let p = try DataParameters(alpha: alpha, beta: beta)
        var lastK = Double.infinity, lastL = Double.infinity
        for e in stride(from: 2.0, through: 12.0, by: 2.0) {
            let d = pow(10, e)
            let errK = relativeError(p.observedCoordinatesAsymptote(sampleCount: d)!, p.expectedObservedCoordinates(sampleCount: d))
            let errL = relativeError(p.modelRichLossAsymptote(sampleCount: d)!, p.modelRichLoss(sampleCount: d))
            #expect(errK < lastK, "K: D = \(d)")
            #expect(errL < lastL, "L: D = \(d)")
            lastK = errK
            lastL = errL
        }
        #expect(lastK < 1e-3)
        #expect(lastL < 1e-3)
    }

    @Test("Asymptotes are nil for β ≤ 1")
    func asymptotesNilForSmallBeta() throws {
        let p = try DataParameters(alpha: 0.2, beta: 1, inputDimension: .finite(1000))
        #expect(p.observedCoordinatesAsymptote(sampleCount: 100) == nil)
        #expect(p.modelRichLossAsymptote(sampleCount: 100) == nil)
    }
}

@Suite("Zeta and total variance against mpmath")
struct TotalVarianceTests {
    @Test("Power sums Σ i^−s to 1e-13")
    func powerSums() {
        for r in powerSumReferences {
            let value = r.m.map { Zeta.partialSum(r.s, upTo: $0) } ?? Zeta.riemann(r.s)
            #expect(relativeError(value, r.value) < 1e-13, "s = \(r.s), M = \(String(describing: r.m))")
        }
    }

    @Test("Total variance is ζ(1+α+β) for M = ∞ and a partial sum for finite M")
    func totalVariance() throws {
        let infinite = try DataParameters(alpha: 0, beta: 2)
        #expect(relativeError(infinite.totalVariance, 1.20205690315959428539973816151) < 1e-13)
        let finite = try DataParameters(alpha: -0.5, beta: 0.6, inputDimension: .finite(1_000_000_000_000))
        #expect(relativeError(finite.totalVariance, 9.95349112047064135826804111083) < 1e-12)
        let small = try DataParameters(alpha: 2, beta: 2, inputDimension: .finite(1000))
        #expect(relativeError(small.totalVariance, 1.03692775514312042591469911146) < 1e-13)
    }
}
