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
        .agree { background: #e3f4e3; } .inconclusive { background: #e6ecf6; } .disagree { background: #f8dcdc; } .not-measured { background: #eee; }
        .how { font-size: 0.85em; color: #555; display: block; }
        figure { margin: 1em 0; } figcaption { font-size: 0.93em; color: #444; max-width: 1100px; white-space: pre-line; }
        pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
        svg { max-width: 100%; height: auto; }
        </style></head><body>
        <h1>\(escape(title))</h1>
        <h2>Prediction vs measurement</h2>
        <p>\(Self.ruleText)</p>

        """
        for group in ClaimGroup.allCases {
            let members = rows.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            html += "<h3>\(Self.heading(group))</h3>\n<table id=\"comparison-\(group.rawValue.replacingOccurrences(of: " ", with: "-"))\" class=\"comparison\"><tr><th>quantity</th><th>predicted</th><th>measured ± SE</th><th>95% CI</th><th>precision</th><th>verdict</th></tr>\n"
            for r in members { html += row(r) }
            html += "</table>\n"
        }
        let disagreements = rows.filter { $0.verdict == .disagree || $0.verdict == .notMeasured }
        let inconclusive = rows.filter { $0.verdict == .inconclusive }
        let count = { (v: Verdict) in rows.filter { $0.verdict == v }.count }
        html += "<p>\(rows.count) rows: \(count(.agree)) agree, \(count(.inconclusive)) inconclusive, \(count(.disagree)) disagree, \(count(.notMeasured)) not measured.</p>\n"
        if disagreements.isEmpty && inconclusive.isEmpty {
            html += "<p><strong>Every measured quantity agrees with the theory.</strong></p>\n"
        }
        if !disagreements.isEmpty {
            html += "<p><strong>Does not agree with the theory: " + disagreements.map { richText($0.quantity) }.joined(separator: "; ") + ".</strong></p>\n"
        }
        if !inconclusive.isEmpty {
            html += "<p><strong>Inconclusive (95% CI wider than the derived precision): " + inconclusive.map { richText($0.quantity) }.joined(separator: "; ") + ".</strong></p>\n"
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

    /// The verdict rule, as the report states it above the table.
    static let ruleText = """
    Each row compares a prediction with a measurement and its 95% confidence interval, by one rule: <em>agree</em> when the CI \
    holds the prediction; <em>disagree</em> when the CI excludes it; <em>inconclusive</em> when the CI holds it but is wider \
    than its precision, or when the measurement has no CI. The precision is derived, half the distance from the prediction to the \
    competing prediction (symmetric scaling, the asymptote, the law's spread), and its source is printed beside it. No tolerance outside the CI \
    turns a disagreement into agreement. Every CI says how it was made (t with k degrees of freedom, bootstrap over seeds, order \
    statistics, grid resolution, Wilson or Clopper–Pearson); grid-located quantities are never given a CI narrower than half a grid step. A \
    one-sided claim ("&gt; 0") agrees when its one-sided 95% bound clears 0. A curve compared with its prediction is a test \
    with a stated null: the fraction of points whose 95% CI holds the prediction against 0.95 (its exact one-sided binomial interval) \
    and the χ² over the points' z, both exact, each at 2.5% (size ≤ 5%), with the per-point z-scores and the tests' sizes shown. Values are rounded to the precision their standard error supports. \
    Near the double-descent peak the mean loss is infinite (docs/theory.md §6.1), so the peak rows rest on medians.
    """

    /// The heading of a claim group's table.
    static func heading(_ group: ClaimGroup) -> String {
        switch group {
        case .paper: return "The paper's claims"
        case .ours: return "Our own predictions (finite-size theory, docs/theory.md §6)"
        case .futureWork: return "The paper's future work (label noise, one-pass SGD; predictions ours)"
        }
    }

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
        var how = "<span class=\"how\">id \(escape(r.id)); CI: \(escape(r.intervalMethod.description))</span>"
        if let note = r.note { how += "<span class=\"how\">\(escape(note))</span>" }
        if let z = r.pointZScores { how += "<span class=\"how\">per-point z: \(escape(z.map { String(format: "%+.1f", $0) }.joined(separator: ", ")))</span>" }
        let precision = r.precision.map { "\(num($0.value))<span class=\"how\">\(escape($0.source))</span>" } ?? "—"
        return "<tr class=\"\(cls)\" data-id=\"\(escape(r.id))\"><td>\(richText(r.quantity))\(how)</td><td>\(r.predictedText.map(escape) ?? num(r.predicted))</td><td>\(measured)</td><td>\(ci)</td><td>\(precision)</td><td>\(r.verdict.rawValue)</td></tr>\n"
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
