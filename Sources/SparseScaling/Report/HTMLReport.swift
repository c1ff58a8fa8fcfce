import Foundation
import ScalingAnalysis

/// A self-contained HTML report read as a paper's results section: the count line and a three-sentence
/// summary generated from the verdict rows, one section per claim group with its own counts, the
/// figures with short captions and their long text in collapsible blocks, tables, and the provenance.
/// No network resources.
struct HTMLReport: Sendable {
    /// One figure: its heading, its inline SVG, a short caption, the long text shown on demand, and
    /// the standalone SVG file it was written to (relative path, recorded on the `<figure>` for
    /// scripts/check-report.sh).
    struct Section: Sendable {
        let title: String
        let svg: String
        let caption: String
        var details: String? = nil
        var file: String? = nil
    }

    /// A section after the figures: a heading, a short caption, and a table (cells in the report's
    /// brace notation) or preformatted text, shown collapsed when `collapsed`.
    struct Appendix: Sendable {
        /// What the appendix holds.
        enum Body: Sendable {
            case table(header: [String], rows: [[String]])
            case text(String)
        }

        let title: String
        var caption: String? = nil
        let body: Body
        var collapsed = false
    }

    /// Report title.
    var title: String
    /// The comparison rows, in the order of the tables.
    var rows: [ComparisonRow]
    /// Figures in order.
    var sections: [Section]
    /// Tables and text after the figures.
    var appendices: [Appendix]
    /// Provenance lines, "key: value" (command, commit, version, date, machine).
    var provenance: [String]

    /// The HTML document.
    func render() -> String {
        let summary = VerdictSummary(rows: rows)
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(Self.style)
        </style></head><body>
        <h1>\(escape(title))</h1>

        """
        if !rows.isEmpty {
            html += "<p class=\"count\" id=\"count-line\"><strong>\(escape(summary.countLine)).</strong></p>\n"
            html += "<ul class=\"summary\" id=\"executive-summary\">" + summary.sentences.map { "<li>\(richText($0))</li>" }.joined() + "</ul>\n"
            html += "<details class=\"rule\"><summary>How a row is judged</summary><p>\(Self.ruleText)</p></details>\n"
        }
        for group in ClaimGroup.allCases {
            let members = rows.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            let slug = group.rawValue.replacingOccurrences(of: " ", with: "-")
            html += "<h2 id=\"group-\(slug)\">\(Self.heading(group))</h2>\n"
            html += "<p class=\"count\">\(escape(VerdictSummary.countLine(members))).</p>\n"
            html += "<div class=\"table-box\"><table id=\"comparison-\(slug)\" class=\"comparison\"><tr><th>quantity</th><th>predicted</th><th>measured&nbsp;±&nbsp;SE</th><th>95% CI</th><th>precision</th><th>verdict</th></tr>\n"
            for r in members { html += row(r) }
            html += "</table></div>\n"
        }
        for s in sections {
            let file = s.file.map { " data-file=\"\(escape($0))\"" } ?? ""
            html += "<h2>\(richText(s.title))</h2>\n<figure\(file)>\n\(s.svg)\n<figcaption>\(richText(s.caption))</figcaption>\n</figure>\n"
            if let details = s.details { html += detailsBlock("Methods and numbers behind this figure", details) }
        }
        for a in appendices { html += appendix(a) }
        html += "<h2>Provenance</h2>\n<div class=\"table-box\"><table class=\"provenance\">\n"
        for line in provenance {
            let parts = line.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            let (key, value) = parts.count == 2 ? (parts[0], parts[1]) : ("", line)
            // Commands and paths are shown as typed (ASCII hyphens), so they can be copied.
            html += "<tr><th>\(escape(key))</th><td><code>\(escape(value))</code></td></tr>\n"
        }
        html += "</table></div>\n</body></html>\n"
        return html
    }

    /// Long text in a collapsible block that wraps (never wider than the page).
    private func detailsBlock(_ label: String, _ text: String) -> String {
        "<details><summary>\(escape(label))</summary><div class=\"long\">\(richText(text))</div></details>\n"
    }

    /// An appendix: heading, caption, then its table or text (collapsed if asked).
    private func appendix(_ a: Appendix) -> String {
        var html = "<h2>\(richText(a.title))</h2>\n"
        if let caption = a.caption { html += "<p class=\"caption\">\(richText(caption))</p>\n" }
        switch a.body {
        case .table(let header, let cells):
            var table = "<div class=\"table-box\"><table class=\"appendix\"><tr>" + header.map { "<th>\(richText($0))</th>" }.joined() + "</tr>\n"
            for r in cells { table += "<tr>" + r.map { "<td>\(richText($0))</td>" }.joined() + "</tr>\n" }
            table += "</table></div>\n"
            html += a.collapsed ? "<details><summary>Show the table</summary>\(table)</details>\n" : table
        case .text(let text):
            html += a.collapsed ? detailsBlock("Show the text", text) : "<div class=\"long\">\(richText(text))</div>\n"
        }
        return html
    }

    /// The verdict rule, as the report states it above the tables.
    static let ruleText = """
    Each row compares a prediction with a measurement and its 95% confidence interval, by one rule: <em>agree</em> when the CI \
    holds the prediction; <em>disagree</em> when the CI excludes it; <em>inconclusive</em> when the CI holds it but is wider \
    than its precision, or when the measurement has no CI. The precision is derived, half the distance from the prediction to the \
    competing prediction (symmetric scaling, the asymptote, the law's spread), and its source is printed beside it. No tolerance outside the CI \
    turns a disagreement into agreement. Every CI says how it was made (t with k degrees of freedom, bootstrap over seeds, order \
    statistics, grid resolution, Wilson or Clopper–Pearson); grid-located quantities are never given a CI narrower than half a grid step. A \
    one-sided claim ("&gt;&nbsp;0") agrees when its one-sided 95% bound clears 0. A curve compared with its prediction is a test \
    with a stated null: the fraction of points whose 95% CI holds the prediction against 0.95 (its exact one-sided binomial interval) \
    and the χ² over the points' z, both exact, each at 2.5% (size ≤ 5%), with the per-point z-scores and the tests' sizes shown. Values are rounded to the precision their standard error supports. \
    Near the double-descent peak the mean loss is infinite (docs/theory.md §6.1), so the peak rows rest on medians.
    """

    /// The heading of a claim group's section.
    static func heading(_ group: ClaimGroup) -> String {
        switch group {
        case .paper: return "The paper's claims"
        case .ours: return "Our own predictions (finite-size theory, docs/theory.md §6)"
        case .futureWork: return "The paper's future work (label noise, one-pass SGD; predictions ours)"
        }
    }

    /// The style sheet: margins at every width, numbers kept on one line, wide tables scrolling
    /// inside their own box, long text wrapping.
    static let style = """
    body { font-family: sans-serif; max-width: 1220px; margin: 0 auto; padding: 1.2em 2em 3em; color: #222; line-height: 1.45; }
    h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
    p.count { font-size: 1.05em; margin: 0.4em 0; } ul.summary { max-width: 60em; padding-left: 1.2em; } ul.summary li { margin: 0.3em 0; }
    .table-box { overflow-x: auto; max-width: 100%; margin: 1em 0; }
    table { border-collapse: collapse; font-size: 0.92em; }
    th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; vertical-align: top; } th { background: #f3f3f3; }
    td:first-child, th:first-child { text-align: left; }
    table.comparison td:first-child { min-width: 20em; } table.comparison td:nth-child(5) { min-width: 10em; }
    table.appendix td, table.appendix th, table.provenance td { text-align: left; } table.provenance th { white-space: nowrap; }
    .num, .num-cell { white-space: nowrap; }
    .agree { background: #e3f4e3; } .inconclusive { background: #e6ecf6; } .disagree { background: #f8dcdc; } .not-measured { background: #eee; }
    .how { font-size: 0.85em; color: #555; display: block; overflow-wrap: anywhere; }
    figure { margin: 1em 0; } figcaption, p.caption { font-size: 0.95em; color: #333; max-width: 60em; }
    details { margin: 0.6em 0 1.2em; } summary { cursor: pointer; color: #2a4d8f; }
    .long { white-space: pre-wrap; overflow-wrap: anywhere; font-family: monospace; font-size: 0.85em; background: #f7f7f7; padding: 0.8em; max-width: 100%; box-sizing: border-box; }
    code { white-space: pre-wrap; overflow-wrap: anywhere; }
    svg { max-width: 100%; height: auto; }
    """

    /// One table row: the quantity with its id, CI method, note and per-point z; the values; the verdict.
    private func row(_ r: ComparisonRow) -> String {
        let measured = r.measured.map { UncertainValueFormat.string($0, standardError: r.standardError) } ?? "—"
        var ci = "—"
        if let lo = r.ciLower, let hi = r.ciUpper {
            let end = r.standardError.flatMap { $0 > 0 && $0.isFinite ? UncertainValueFormat.pair(lo, standardError: $0).value : nil }
            ci = hi == .infinity ? "[\(end ?? num(lo)), ∞)"
                : UncertainValueFormat.interval(lo, hi, standardError: r.standardError)
        }
        let cls = r.verdict.rawValue.replacingOccurrences(of: " ", with: "-")
        var how = "<span class=\"how\">id \(escape(r.id)); CI: \(richText(r.intervalMethod.description))</span>"
        if let note = r.note { how += "<span class=\"how\">\(richText(note))</span>" }
        if let z = r.pointZScores {
            how += "<span class=\"how\">per-point z: \(richText(z.map { String(format: "%+.1f", $0) }.joined(separator: ", ")))</span>"
        }
        let precision = r.precision.map { "<span class=\"num\">\(num($0.value))</span><span class=\"how\">\(richText($0.source))</span>" } ?? "—"
        let predicted = r.predictedText.map(richText) ?? "<span class=\"num\">\(num(r.predicted))</span>"
        return "<tr class=\"\(cls)\" data-id=\"\(escape(r.id))\" id=\"row-\(escape(r.id))\"><td>\(richText(r.quantity))\(how)</td><td>\(predicted)</td>"
            + "<td class=\"num-cell\">\(richText(measured))</td><td class=\"num-cell\">\(richText(ci))</td><td>\(precision)</td><td>\(r.verdict.rawValue)</td></tr>\n"
    }

    private func num(_ x: Double) -> String { UncertainValueFormat.plain(x) }
}
