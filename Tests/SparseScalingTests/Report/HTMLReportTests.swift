import Foundation
import Testing
import ScalingAnalysis
@testable import SparseScaling

/// The HTML report: one table row per comparison with its verdict class; the count line and the
/// executive summary computed from the rows; one section per claim group with its own counts; short
/// captions with the long text in a collapsible block; minus signs and plurals; the provenance; and
/// text escaped so that it cannot inject markup.
@Suite struct HTMLReportTests {
    let agree = ComparisonRow(quantity: "α_N", predicted: 2, measured: 2.01, standardError: 0.02, precision: SourcedValue(0.1, source: "test"))
    /// 1.05 ± 0.01 against 1: the old report called this "agree within tolerance"; it disagrees.
    let outside = ComparisonRow(quantity: "α_D", predicted: 1, measured: 1.05, standardError: 0.01, precision: SourcedValue(0.1, source: "test"))
    let disagree = ComparisonRow(quantity: "slope <b>", predicted: -1, measured: 0, standardError: 0.01, precision: SourcedValue(0.1, source: "test"))
    let nbsp = "\u{00A0}", minus = "\u{2212}"

    func report(_ rows: [ComparisonRow], provenance: [String] = ["command: sparse-scaling reproduce --gd-alpha -1.5", "commit: abc"]) -> String {
        HTMLReport(
            title: "Report & <check>", rows: rows,
            sections: [.init(title: "Fig. A", svg: "<svg id=\"a\"></svg>", caption: "caption <a> & b", details: "long line 1\n  item -2 < 3"),
                       .init(title: "Fig. B", svg: "<svg id=\"b\"></svg>", caption: "second")],
            appendices: [.init(title: "Table", caption: "values", body: .table(header: ["q", "v"], rows: [["x < y", "-1.5"]])),
                         .init(title: "Text", body: .text("x < y & z"), collapsed: true)],
            provenance: provenance
        ).render()
    }

    /// The text the reader sees: tags removed, entities of the tests' strings decoded.
    func visibleText(_ html: String) -> String {
        html.replacing(/<style>[\s\S]*?<\/style>/, with: "").replacing(/<[^>]+>/, with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func everyRowWithItsVerdict() {
        let html = report([agree, outside, disagree])
        #expect(html.contains("<tr class=\"agree\" data-id=\"alpha_n\" id=\"row-alpha_n\"><td>α<sub>N</sub><span class=\"how\">id alpha_n; CI: normal approximation\(nbsp)±\(nbsp)1.96 SE</span></td>"
            + "<td><span class=\"num\">2</span></td><td class=\"num-cell\">2.010\(nbsp)±\(nbsp)0.020</td><td class=\"num-cell\">[1.971, 2.049]</td>"))
        #expect(html.contains("<tr class=\"disagree\" data-id=\"alpha_d\" id=\"row-alpha_d\"><td>α<sub>D</sub>"))
        #expect(!html.contains("within tolerance"))
        #expect(html.contains("<tr class=\"disagree\" data-id=\"slope_b\" id=\"row-slope_b\"><td>slope &lt;b&gt;"))
        #expect(html.components(separatedBy: "<tr class=").count - 1 == 3)
        // The precision and its source are printed beside the value.
        #expect(html.contains("<td><span class=\"num\">0.1</span><span class=\"how\">test</span></td>"))
    }

    @Test("the count line and the three sentences are computed from the rows, at the top")
    func countLineAndSummaryFromTheRows() throws {
        let wide = ComparisonRow(quantity: "slope D^{a}", predicted: -1, measured: -0.8649, standardError: 0.4163, precision: SourcedValue(0.3, source: "test"))
        #expect(wide.verdict == .inconclusive)
        let none = ComparisonRow(quantity: "K", predicted: 1, measured: nil, standardError: nil)
        let rows = [agree, outside, disagree, wide, agree, none]
        let html = report(rows)
        let count = try #require(html.range(of: "<p class=\"count\" id=\"count-line\"><strong>6 rows: 2 agree, 1 inconclusive, 2 disagree, 1 not measured.</strong></p>"))
        let summary = try #require(html.range(of: "<ul class=\"summary\" id=\"executive-summary\"><li>"))
        let firstTable = try #require(html.range(of: "<table"))
        #expect(count.lowerBound < summary.lowerBound && summary.lowerBound < firstTable.lowerBound, "count line, summary, then the tables")
        let text = visibleText(String(html[summary.lowerBound...].prefix { $0 != "\n" }))
        #expect(String(html[summary.lowerBound...].prefix { $0 != "\n" }).components(separatedBy: "<li>").count - 1 == 3, "three sentences")
        #expect(text.contains("2 rows agree with their prediction"))
        #expect(text.contains("2 of the paper's 6 claims"))
        // Disagreements are named with the measurement, the prediction and the distance in SE.
        #expect(text.contains("2 disagree (the 95% CI excludes the prediction): αD (measured 1.050\(nbsp)±\(nbsp)0.010, predicted 1, 5.0 SE away); slope <b> (measured 0.000\(nbsp)±\(nbsp)0.010, predicted \(minus)1, 100.0 SE away); 1 row could not be measured."))
        #expect(text.contains("1 is inconclusive (1 of the paper's claims): its CI holds the prediction but is wider than its precision"))
        let noCI = VerdictSummary(rows: [wide, ComparisonRow(quantity: "no interval", predicted: 1, measured: 1, standardError: nil, precision: SourcedValue(0.1, source: "test")), wide])
        #expect(noCI.inconclusiveSentence.hasPrefix("3 are inconclusive (3 of the paper's claims): 2 have a CI that holds the prediction but is wider than its precision and 1 has no CI"))
        // Every number in the summary follows the rows: change a verdict and the text changes.
        let allAgree = visibleText(report([agree, agree]))
        #expect(allAgree.contains("2 rows: 2 agree, 0 inconclusive, 0 disagree."))
        #expect(allAgree.contains("No row disagrees: no 95% CI excludes its prediction."))
        #expect(allAgree.contains("No row is inconclusive"))
        #expect(visibleText(report([agree])).contains("1 row: 1 agree, 0 inconclusive, 0 disagree."))
        // verdicts.md carries the same count line and summary.
        let markdown = VerdictTable.markdown(rows, provenance: ["commit: abc"])
        #expect(markdown.contains("**6 rows: 2 agree, 1 inconclusive, 2 disagree, 1 not measured.**"))
        for sentence in VerdictSummary(rows: rows).sentences { #expect(markdown.contains("- " + Typography.minusSigns(sentence))) }
    }

    @Test("only the first disagreements are named; the rest are counted")
    func longDisagreementListsAreCounted() {
        let many = (0..<5).map { ComparisonRow(quantity: "quantity no. \($0) (detail that the table keeps)", predicted: 0, measured: 1, standardError: 0.01, precision: SourcedValue(0.1, source: "test")) }
        let sentence = VerdictSummary(rows: many).disagreeSentence
        #expect(sentence.hasPrefix("5 disagree"))
        #expect(sentence.contains("quantity no. 0 (measured") && sentence.contains("quantity no. 2 (measured") && !sentence.contains("quantity no. 3"))
        #expect(sentence.contains("and 2 more in the tables below"))
        #expect(!sentence.contains("detail that the table keeps"))
    }

    @Test("rows are grouped into sections with their own counts; curve rows show per-point z and their null; one-sided rows a half-line")
    func groupsCurvesAndOneSidedRows() throws {
        let curve = ComparisonRow(id: "ours.curve", group: .ours, curve: "curve", test: CurveCoverageTest(zScores: [0.5, -2.5, 1]),
                                  medianRelativeHalfWidth: 0.01, precision: SourcedValue(0.05, source: "5%"))
        let positive = ComparisonRow(positiveQuantity: "gap", measured: 1, standardError: 0.1, id: "future.gap", group: .futureWork)
        let html = report([agree, curve, positive, disagree])
        let paper = try #require(html.range(of: "<h2 id=\"group-paper\">The paper's claims</h2>\n<p class=\"count\">2 rows: 1 agree, 0 inconclusive, 1 disagree.</p>"))
        let ours = try #require(html.range(of: "<h2 id=\"group-ours\">Our own predictions"))
        let future = try #require(html.range(of: "<h2 id=\"group-future-work\">The paper's future work"))
        #expect(paper.lowerBound < ours.lowerBound && ours.lowerBound < future.lowerBound)
        #expect(html[ours.upperBound...].contains("<p class=\"count\">1 row: "))
        #expect(html.contains("per-point z: +0.5, \(minus)2.5, +1.0"))
        #expect(html.contains("exact size") && html.contains("χ² = 7.5 on 3 dof"))
        #expect(html.contains("<td class=\"num-cell\">[0.84, ∞)</td>"))
        #expect(html.contains("No tolerance outside the CI"))
        // Every table scrolls inside its own box.
        #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "<div class=\"table-box\"><table").count)
    }

    @Test("displayed numbers carry U+2212; ids, commands and paths keep their hyphens")
    func minusSigns() {
        let negative = ComparisonRow(quantity: "slope at α = -1.5", predicted: -2, measured: -1.9, standardError: 0.05,
                                     precision: SourcedValue(0.5, source: "test"), id: "paper.slope_a-1.5")
        let html = report([negative])
        let text = visibleText(html)
        #expect(text.contains("slope at α = \(minus)1.5"))
        #expect(html.contains("<span class=\"num\">\(minus)2</span>"))
        #expect(html.contains("\(minus)1.900\(nbsp)±\(nbsp)0.050") && html.contains("[\(minus)1.998, \(minus)1.802]"))
        #expect(html.contains("data-id=\"paper.slope_a-1.5\""), "ids are left as typed")
        #expect(html.contains("<code>sparse-scaling reproduce --gd-alpha -1.5</code>"), "the command can be copied")
        #expect(html.contains("<td>\(minus)1.5</td>"), "appendix cells are typeset")
        // Outside ids, the command and the style sheet, no hyphen-minus precedes a digit as a sign.
        let displayed = text.replacingOccurrences(of: "sparse-scaling reproduce --gd-alpha -1.5", with: "").replacingOccurrences(of: "slope_a-1.5", with: "")
        #expect(displayed.firstMatch(of: /(^|[\s(\[=,^])-[0-9.]/) == nil, "\(displayed)")
    }

    @Test("long text goes in a collapsible block that wraps; captions stay short")
    func detailsBlocks() {
        let html = report([agree])
        #expect(html.contains("<figcaption>caption &lt;a&gt; &amp; b</figcaption>\n</figure>\n<details><summary>Methods and numbers behind this figure</summary><div class=\"long\">long line 1\n  item \(minus)2 &lt; 3</div></details>"))
        #expect(html.contains("<figcaption>second</figcaption>\n</figure>\n<h2>"), "no block when there is no long text")
        #expect(html.contains("<h2>Text</h2>\n<details><summary>Show the text</summary><div class=\"long\">x &lt; y &amp; z</div></details>"))
        // The long text wraps (pre-wrap) and nothing is preformatted without wrapping.
        #expect(html.contains(".long { white-space: pre-wrap; overflow-wrap: anywhere;"))
        #expect(!html.contains("<pre"))
        #expect(!html.contains("white-space: pre-line"))
    }

    @Test func figuresAppendicesAndProvenanceInOrderAndEscaped() throws {
        let html = report([agree])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</body></html>\n"))
        #expect(html.contains("<title>Report &amp; &lt;check&gt;</title>"))
        let a = try #require(html.range(of: "<svg id=\"a\"></svg>"))
        let b = try #require(html.range(of: "<svg id=\"b\"></svg>"))
        #expect(a.lowerBound < b.lowerBound)
        #expect(html.contains("<h2>Table</h2>\n<p class=\"caption\">values</p>\n<div class=\"table-box\"><table class=\"appendix\"><tr><th>q</th><th>v</th></tr>\n<tr><td>x &lt; y</td>"))
        #expect(html.contains("<h2>Provenance</h2>\n<div class=\"table-box\"><table class=\"provenance\">\n<tr><th>command</th><td><code>sparse-scaling reproduce --gd-alpha -1.5</code></td></tr>\n<tr><th>commit</th><td><code>abc</code></td></tr>"))
        // Self-contained: no network resources.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }
}
