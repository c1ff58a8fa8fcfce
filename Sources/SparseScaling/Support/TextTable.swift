/// A plain-text table with right-aligned columns, for terminal output a person can paste into a notebook.
package struct TextTable: Sendable {
    /// Column headers.
    package let headers: [String]
    /// Rows of cells, each as many as headers.
    package private(set) var rows: [[String]] = []

    /// An empty table with `headers`.
    package init(headers: [String]) { self.headers = headers }

    /// Appends a row.
    package mutating func append(_ cells: [String]) {
        precondition(cells.count == headers.count, "row width must match the header")
        rows.append(cells)
    }

    /// The aligned table.
    package func render() -> String {
        let widths = headers.indices.map { c in ([headers[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { String(repeating: " ", count: widths[$0.offset] - $0.element.count) + $0.element }
                .joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
