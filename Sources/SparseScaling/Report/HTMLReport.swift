import Foundation
import ScalingAnalysis

/// A self-contained HTML report: the prediction-vs-measurement table, the figures (inline SVG) with
/// captions, and the exact command and versions that produced it. No network resources.
struct HTMLReport: Sendable {
    /// One figure: its heading, its inline SVG, its caption (newlines kept) and the standalone SVG
    /// file it was written to (relative path, recorded on the `<figure>` for scripts/check-report.sh).
    struct Section: Sendable {
        let title: String
        let svg: String
        let caption: String
        var file: String? = nil
    }

    /// Report title.
    var title: String
    /// The comparison table.
    var rows: [ComparisonRow]
    /// Figures in order.
    var sections: [Section]
    /// Extra preformatted text blocks (e.g. tables) after the figures, by heading.
    var appendices: [(String, String)]
    /// Provenance lines: command, versions, machine, time.
    var provenance: [String]

    /// The HTML document.
    func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body { font-family: sans-serif; max-width: 1220px; margin: 2em auto; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
        th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; } th { background: #f3f3f3; }
        td:first-child, th:first-child { text-align: left; }
        .agree { background: #e3f4e3; } .inconclusive { background: #e6ecf6; } .agree-within-tolerance { background: #f6f3d8; } .disagree { background: #f8dcdc; } .not-measured { background: #eee; }
        figure { margin: 1em 0; } figcaption { font-size: 0.93em; color: #444; max-width: 1100px; white-space: pre-line; }
        pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
        svg { max-width: 100%; height: auto; }
        </style></head><body>
        <h1>\(escape(title))</h1>
        <h2>Prediction vs measurement</h2>
        <p>Each measured exponent or threshold against the closed-form prediction. <em>agree</em>: the prediction lies in the
        measurement's 95% confidence interval, and the interval is no wider than the tolerance on either side;
        <em>inconclusive</em>: the prediction lies in the interval, but the interval is wider than the tolerance (it could hardly disagree);
        <em>agree within tolerance</em>: outside the interval but within the stated tolerance; <em>disagree</em>: neither.
        Values are rounded to the precision their standard error supports. Near the double-descent peak the mean loss is infinite
        (docs/theory.md §6.1), so the peak rows rest on medians.</p>
        <table id="comparison"><tr><th>quantity</th><th>predicted</th><th>measured ± SE</th><th>95% CI</th><th>tolerance</th><th>verdict</th></tr>

        """
        for r in rows {
            let measured = r.measured.map { UncertainValueFormat.string($0, standardError: r.standardError) } ?? "—"
            let ci = r.ciLower.flatMap { lo in r.ciUpper.map { UncertainValueFormat.interval(lo, $0, standardError: r.standardError) } } ?? "—"
            let cls = r.verdict.rawValue.replacingOccurrences(of: " ", with: "-")
            html += "<tr class=\"\(cls)\"><td>\(richText(r.quantity))</td><td>\(r.predictedText ?? num(r.predicted))</td><td>\(measured)</td><td>\(ci)</td><td>\(r.tolerance.map(num) ?? "—")</td><td>\(r.verdict.rawValue)</td></tr>\n"
        }
        html += "</table>\n"
        let disagreements = rows.filter { $0.verdict == .disagree || $0.verdict == .notMeasured }
        let inconclusive = rows.filter { $0.verdict == .inconclusive }
        if disagreements.isEmpty && inconclusive.isEmpty {
            html += "<p><strong>Every measured quantity agrees with the theory.</strong></p>\n"
        }
        if !disagreements.isEmpty {
            html += "<p><strong>Does not agree with the theory: " + disagreements.map { richText($0.quantity) }.joined(separator: "; ") + ".</strong></p>\n"
        }
        if !inconclusive.isEmpty {
            html += "<p><strong>Inconclusive (95% CI wider than the tolerance): " + inconclusive.map { richText($0.quantity) }.joined(separator: "; ") + ".</strong></p>\n"
        }
        for s in sections {
            let file = s.file.map { " data-file=\"\(escape($0))\"" } ?? ""
            html += "<h2>\(richText(s.title))</h2>\n<figure\(file)>\n\(s.svg)\n<figcaption>\(richText(s.caption))</figcaption>\n</figure>\n"
        }
        for (heading, text) in appendices {
            html += "<h2>\(escape(heading))</h2>\n<pre>\(escape(text))</pre>\n"
        }
        html += "<h2>Provenance</h2>\n<pre>\(escape(provenance.joined(separator: "\n")))</pre>\n</body></html>\n"
        return html
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Escaped text with the figures' typesetting: `^{…}` as <sup>, `_{…}` as <sub> (nesting allowed);
    /// plain-text math (`D^(1/β)`, `α_N`) is typeset the same way.
    func richText(_ s: String) -> String { bracedText(PlainNotation.braced(s)) }

    private func bracedText(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if c == "^" || c == "_", next < s.endIndex, s[next] == "{", let close = Self.closingBrace(s, from: next) {
                let tag = c == "^" ? "sup" : "sub"
                out += "<\(tag)>\(bracedText(String(s[s.index(after: next)..<close])))</\(tag)>"
                i = s.index(after: close)
                continue
            }
            out += escape(String(c))
            i = next
        }
        return out
    }

    private static func closingBrace(_ s: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var i = open
        while i < s.endIndex {
            if s[i] == "{" { depth += 1 } else if s[i] == "}" { depth -= 1; if depth == 0 { return i } }
            i = s.index(after: i)
        }
        return nil
    }

    private func num(_ x: Double) -> String { UncertainValueFormat.plain(x) }
}
