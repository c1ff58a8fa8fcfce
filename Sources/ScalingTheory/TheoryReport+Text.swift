import Foundation

extension TheoryReport: CustomStringConvertible {
    /// The report as an aligned Markdown-style pipe table (quantity | value | formula), readable as
    /// plain text and paste-able into a notebook, followed by the solver conditions.
    public func textTable() -> String {
        let rows = tableRows().map { ($0.quantity, $0.value ?? "—", $0.formula) }
        let sc = solverCosts
        let header = ("quantity", "value", "formula")
        let all = [header] + rows
        let w0 = all.map(\.0.count).max()!, w1 = all.map(\.1.count).max()!, w2 = all.map(\.2.count).max()!
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: w - s.count) }
        func line(_ r: (String, String, String)) -> String {
            "| \(pad(r.0, w0)) | \(pad(r.1, w1)) | \(pad(r.2, w2)) |"
        }
        var out = [line(header),
                   "|" + String(repeating: "-", count: w0 + 2) + "|" + String(repeating: "-", count: w1 + 2)
                       + "|" + String(repeating: "-", count: w2 + 2) + "|"]
        out += rows.map(line)
        out.append("")
        out += sc.conditions.map { "- " + $0 }
        return out.joined(separator: "\n") + "\n"
    }

    /// The text table (`textTable()`).
    public var description: String { textTable() }
}
