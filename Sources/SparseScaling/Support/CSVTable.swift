/// A CSV document (RFC 4180 quoting) with a header row, for the data behind every figure.
public struct CSVTable: Sendable {
    /// Column names.
    public let headers: [String]
    /// Rows of cells.
    public private(set) var rows: [[String]] = []

    /// An empty table with `headers`.
    public init(headers: [String]) { self.headers = headers }

    /// Appends a row of cells (numbers are printed with full round-trip precision).
    public mutating func append(_ cells: [CSVCell]) {
        precondition(cells.count == headers.count, "row width must match the header")
        rows.append(cells.map(\.text))
    }

    /// The CSV text, ending with a newline.
    public func render() -> String {
        ([headers] + rows).map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// One CSV cell: a number, an integer, text or empty.
public enum CSVCell: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    case number(Double)
    case integer(Int)
    case text(String)
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }

    /// A number cell, or empty for nil.
    public static func optional(_ x: Double?) -> CSVCell { x.map(CSVCell.number) ?? .empty }

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
