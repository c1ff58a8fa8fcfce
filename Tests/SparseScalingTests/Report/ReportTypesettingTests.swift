import Foundation
import Testing
@testable import SparseScaling

/// The report typesets plain-text math as the figures do, and the loss-curve figure shades a peak band
/// of a single grid point (it used to be a zero-width polygon).
@Suite struct ReportTypesettingTests {
    @Test("plain-text math becomes brace notation; identifiers and braced text stay")
    func plainNotation() {
        #expect(PlainNotation.braced("x = N/D^(1/β), y = L·D^(α_D)") == "x = N/D^{1/β}, y = L·D^{α_{D}}")
        #expect(PlainNotation.braced("L ∝ N^−α_N and λ_max") == "L ∝ N^{−α_{N}} and λ_{max}")
        #expect(PlainNotation.braced("Σ λ_i(1 − p_i)^D") == "Σ λ_{i}(1 − p_{i})^{D}")
        #expect(PlainNotation.braced("Γ((α+β)/β)·D^(−(α+β)/β)") == "Γ((α+β)/β)·D^{−(α+β)/β}")
        #expect(PlainNotation.braced("loss_mean and D^{α_{D}}") == "loss_mean and D^{α_{D}}")
        let html = HTMLReport(title: "t", rows: [], sections: [], appendices: [], provenance: []).richText("α_N = 2, D^(1/β) < 1")
        #expect(html == "α<sub>N</sub> = 2, D<sup>1/β</sup> &lt; 1")
    }

    @Test("the peak band spans half a grid step beyond its outermost points")
    func bandSpan() throws {
        let x: [Double] = [8, 16, 32, 64, 128]
        let one = try #require(LossCurveFigure.bandSpan(x: x, inBand: [false, false, false, true, false]))
        #expect(abs(one.0 - (32.0 * 64).squareRoot()) < 1e-12 && abs(one.1 - (64.0 * 128).squareRoot()) < 1e-12)
        let edge = try #require(LossCurveFigure.bandSpan(x: x, inBand: [true, true, false, false, false]))
        #expect(abs(edge.0 - 8 / 2.0.squareRoot()) < 1e-12 && abs(edge.1 - (16.0 * 32).squareRoot()) < 1e-12)
        #expect(LossCurveFigure.bandSpan(x: x, inBand: Array(repeating: false, count: 5)) == nil)
    }
}
