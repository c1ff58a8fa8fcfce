import Foundation
import Testing
@testable import SparseScaling

/// The HTML report: one table row per comparison with its verdict class, the disagreement summary,
/// figures and appendices in order, and text escaped so that it cannot inject markup.
@Suite struct HTMLReportTests {
    let agree = ComparisonRow(quantity: "α_N", predicted: 2, measured: 2.01, standardError: 0.02, precision: SourcedValue(0.1, source: "test"))
    /// 1.05 ± 0.01 against 1: the old report called this "agree within tolerance"; it disagrees.
    let outside = ComparisonRow(quantity: "α_D", predicted: 1, measured: 1.05, standardError: 0.01, precision: SourcedValue(0.1, source: "test"))
    let disagree = ComparisonRow(quantity: "slope <b>", predicted: -1, measured: 0, standardError: 0.01, precision: SourcedValue(0.1, source: "test"))

    func report(_ rows: [ComparisonRow]) -> String {
        HTMLReport(
            title: "Report & <check>", rows: rows,
            sections: [.init(title: "Fig. A", svg: "<svg id=\"a\"></svg>", caption: "caption <a> & b"),
                       .init(title: "Fig. B", svg: "<svg id=\"b\"></svg>", caption: "second")],
            appendices: [("Table", "x < y & z")], provenance: ["sparse-scaling reproduce", "swift 6"]
        ).render()
    }

    @Test func everyRowWithItsVerdict() {
        let html = report([agree, outside, disagree])
        #expect(html.contains("<tr class=\"agree\" data-id=\"alpha_n\"><td>α<sub>N</sub><span class=\"how\">id alpha_n; CI: normal approximation ± 1.96 SE</span></td><td>2</td><td>2.010 ± 0.020</td><td>[1.971, 2.049]</td>"))
        #expect(html.contains("<tr class=\"disagree\" data-id=\"alpha_d\"><td>α<sub>D</sub>"))
        #expect(!html.contains("within tolerance"))
        #expect(html.contains("<tr class=\"disagree\" data-id=\"slope_b\"><td>slope &lt;b&gt;"))
        #expect(html.components(separatedBy: "<tr class=").count - 1 == 3)
        // The precision and its source are printed beside the value.
        #expect(html.contains("<td>0.1<span class=\"how\">test</span></td>"))
        #expect(html.contains("3 rows: 1 agree, 0 inconclusive, 2 disagree, 0 not measured."))
    }

    @Test func inconclusiveRowsAreNamedAndValuesRoundedToTheirError() {
        let wide = ComparisonRow(quantity: "slope D^{a}", predicted: -1, measured: -0.8649, standardError: 0.4163, precision: SourcedValue(0.3, source: "test"))
        #expect(wide.verdict == .inconclusive)
        let html = report([agree, wide])
        #expect(html.contains("<td>-1</td><td>-0.86 ± 0.42</td><td>[-1.68, -0.05]</td>"))
        #expect(html.contains("<tr class=\"inconclusive\""))
        #expect(!html.contains("Every measured quantity agrees"))
        #expect(html.contains("<strong>Inconclusive (95% CI wider than the derived precision): slope D<sup>a</sup>.</strong>"))
    }

    @Test func summarySaysWhetherEverythingAgrees() {
        #expect(report([agree]).contains("<strong>Every measured quantity agrees with the theory.</strong>"))
        #expect(!report([agree, outside]).contains("Every measured quantity agrees"))
        let mixed = report([agree, disagree, ComparisonRow(quantity: "K", predicted: 1, measured: nil, standardError: nil, tolerance: nil)])
        #expect(!mixed.contains("Every measured quantity agrees"))
        #expect(mixed.contains("<strong>Does not agree with the theory: slope &lt;b&gt;; K.</strong>"))
        #expect(mixed.contains("<td>—</td><td>—</td><td>—</td><td>not measured</td>"))
    }

    @Test("Rows are grouped by claim; curve rows show per-point z and their null; one-sided rows a half-line")
    func groupsCurvesAndOneSidedRows() {
        let curve = ComparisonRow(id: "ours.curve", group: .ours, curve: "curve", test: CurveCoverageTest(zScores: [0.5, -2.5, 1]),
                                  medianRelativeHalfWidth: 0.01, precision: SourcedValue(0.05, source: "5%"))
        let positive = ComparisonRow(positiveQuantity: "gap", measured: 1, standardError: 0.1, id: "future.gap", group: .futureWork)
        let html = report([agree, curve, positive])
        let paper = html.range(of: "<h3>The paper's claims</h3>")!, ours = html.range(of: "<h3>Our own predictions")!
        let future = html.range(of: "<h3>The paper's future work")!
        #expect(paper.lowerBound < ours.lowerBound && ours.lowerBound < future.lowerBound)
        #expect(html.contains("per-point z: +0.5, -2.5, +1.0"))
        #expect(html.contains("exact size") && html.contains("χ² = 7.5 on 3 dof"))
        #expect(html.contains("<td>[0.84, ∞)</td>"))
        #expect(html.contains("No tolerance outside the CI"))
    }

    @Test func figuresAppendicesAndProvenanceInOrderAndEscaped() throws {
        let html = report([agree])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</body></html>\n"))
        #expect(html.contains("<title>Report &amp; &lt;check&gt;</title>"))
        let a = try #require(html.range(of: "<svg id=\"a\"></svg>"))
        let b = try #require(html.range(of: "<svg id=\"b\"></svg>"))
        #expect(a.lowerBound < b.lowerBound)
        #expect(html.contains("<figcaption>caption &lt;a&gt; &amp; b</figcaption>"))
        #expect(html.contains("<h2>Table</h2>\n<pre>x &lt; y &amp; z</pre>"))
        #expect(html.contains("<h2>Provenance</h2>\n<pre>sparse-scaling reproduce\nswift 6</pre>"))
        // Self-contained: no network resources.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }
}
