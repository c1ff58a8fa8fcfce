import Foundation
import Testing
@testable import SparseScaling

/// `Precision`: each derived precision is half the distance to the competing prediction, so a CI that
/// narrow cannot hold both; rows whose CI is wider are inconclusive, narrower ones decide.
@Suite struct PrecisionTests {
    @Test("Half the distance to the nearest alternative, with its name in the source")
    func resolvingTheNearestAlternative() {
        let p = Precision.resolving(2, from: [.init("far", 5), .init("near", 1.2), .init("undefined", .nan)])
        #expect(abs(p.value - 0.4) < 1e-15 && p.source.contains("near = 1.2"))
        let none = Precision.resolving(2, from: [.init("undefined", .nan)])
        #expect(none.value == 0 && none.source.contains("cannot decide"))
    }

    @Test("Exponents: α_N = α + β against (α + β)/β and back; a CI wider than half their distance cannot tell them apart")
    func exponentsAgainstSymmetricScaling() {
        let alpha = 0.5, beta = 3.0
        let n = Precision.exponent(alpha + beta, alternatives: [Precision.symmetricModelExponent(alpha: alpha, beta: beta)])
        let d = Precision.exponent((alpha + beta) / beta, alternatives: [Precision.symmetricDataExponent(alpha: alpha, beta: beta)])
        let distance = (alpha + beta) * (1 - 1 / beta)
        #expect(abs(n.value - distance / 2) < 1e-12 && abs(d.value - distance / 2) < 1e-12)
        // A CI of half-width just below the precision around the prediction excludes the alternative; just above, it can hold both.
        let row = { (half: Double) in
            ComparisonRow(id: "x", group: .paper, quantity: "α_N", predicted: alpha + beta, measured: alpha + beta, standardError: nil,
                          interval: (alpha + beta - half, alpha + beta + half), method: .given, precision: n)
        }
        #expect(row(n.value * 0.99).verdict == .agree && row(n.value * 1.01).verdict == .inconclusive)
    }

    @Test("A grid location: the precision is the alternative's, and the source says when the grid's half step is wider")
    func gridLocation() {
        let fine = Precision.gridLocation(1.77, alternatives: [.init("N = D", 32)], gridStep: 1.189)
        #expect(abs(fine.value - (32 - 1.77) / 2) < 1e-12 && !fine.source.contains("cannot resolve"))
        let coarse = Precision.gridLocation(1.77, alternatives: [.init("asymptote", 1.73)], gridStep: 1.189)
        #expect(abs(coarse.value - 0.02) < 1e-12 && coarse.source.contains("cannot resolve"))
    }

    @Test("A curve: half the median relative difference to the competing prediction over the points")
    func curve() {
        let p = Precision.curve(predicted: [1, 2, 4, .nan], alternative: [1.1, 2.4, 4.4, 1], name: "c = 0")
        #expect(abs(p.value - 0.05) < 1e-12 && p.source.contains("c = 0"))
        #expect(Precision.curve(predicted: [.nan], alternative: [1], name: "x").value == 0)
    }
}
