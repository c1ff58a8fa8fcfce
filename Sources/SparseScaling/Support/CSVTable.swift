/// A CSV document (RFC 4180 quoting) with a header row, for the data behind every figure.
package struct CSVTable: Sendable {
    /// Column names.
    package let headers: [String]
    /// Rows of cells.
    package private(set) var rows: [[String]] = []

    /// An empty table with `headers`.
    package init(headers: [String]) { self.headers = headers }

    /// Appends a row of cells (numbers are printed with full round-trip precision).
    package mutating func append(_ cells: [CSVCell]) {
        precondition(cells.count == headers.count, "row width must match the header")
        rows.append(cells.map(\.text))
    }

    /// The CSV text, ending with a newline.
    package func render() -> String {
        ([headers] + rows).map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// One CSV cell: a number, an integer, text or empty.
package enum CSVCell: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    case number(Double)
    case integer(Int)
    case text(String)
    case empty

    package init(stringLiteral value: String) { self = .text(value) }
    package init(integerLiteral value: Int) { self = .integer(value) }
    package init(floatLiteral value: Double) { self = .number(value) }

    /// A number cell, or empty for nil.
    package static func optional(_ x: Double?) -> CSVCell { x.map(CSVCell.number) ?? .empty }

    var text: String {
        switch self {
        case let .number(x): return x.isFinite ? "\(x)" : (x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf"))
        case let .integer(i): return "\(i)"
        case let .text(s): return s
        case .empty: return ""
        }
    }
}

import Foundation
