import Testing
@testable import SparseScaling

/// What a collapse result reports where the theory has no asymptote.
@Suite("Collapse result")
struct CollapseResultTests {
    @Test("β ≤ 1 has no asymptotic peak Γ(1 − 1/β): none is reported (it printed and stored NaN)")
    func noAsymptoteAtOrBelowOne() throws {
        for beta in [0.5, 1.0] {
            let result = CollapseResult(alpha: 0, beta: beta, configuration: .preset(.quick), curves: [])
            #expect(result.predictedPeakX == nil)
            #expect(result.summaryText().contains("asymptote Γ(1 − 1/β) = none (β ≤ 1)"), "\(result.summaryText())")
        }
        let above = CollapseResult(alpha: 0, beta: 2, configuration: .preset(.quick), curves: [])
        #expect(abs((above.predictedPeakX ?? 0) - Double.pi.squareRoot()) < 1e-12)
    }
}
