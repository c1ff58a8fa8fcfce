/// Why a table of runs cannot be calibrated: every case names the column or the row at fault, in words a
/// researcher understands (the command line maps `column` to its flag).
public enum CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not a CSV table: `line` (1-based) and what is wrong with it.
    case malformedCSV(line: Int, reason: String)
    /// A column named on the command line is not in the header; `role` is "n", "d", "flop" or "loss".
    case missingColumn(role: String, name: String, available: [String])
    /// A column named on the command line appears `count` times in the header, so which one holds the runs is ambiguous.
    case duplicateColumn(role: String, name: String, count: Int)
    /// A cell of a used column is not a number, or not a finite one, at data row `row` (1-based, header excluded).
    case notANumber(role: String, column: String, row: Int, text: String)
    /// A value that must be > 0 (N, D, C or L) is not, at data row `row`.
    case nonPositive(role: String, column: String, row: Int, value: Double)
    /// Fewer runs than the fit needs.
    case tooFewRuns(count: Int, minimum: Int)
    /// Every run has the same N (role "n") or the same D ("d"): that exponent cannot be fitted.
    case noSpread(role: String, value: Double)
    /// The optimizer could not start (NLopt refused the problem).
    case optimizerFailed(String)

    /// The error in one line, naming the column, run or line.
    public var description: String {
        switch self {
        case let .malformedCSV(line, reason): return "malformed CSV at line \(line): \(reason)"
        case let .missingColumn(_, name, available):
            let separator = available.count == 1 ? [";", "\t", "|"].first { available[0].contains($0) } : nil
            return "no column '\(name)' in the header (columns: \(available.joined(separator: ", ")))"
                + (separator.map { "; the header is one field holding '\($0 == "\t" ? "\\t" : $0)': fields must be separated by commas" } ?? "")
        case let .duplicateColumn(_, name, count): return "column '\(name)' appears \(count) times in the header: which one holds the runs is ambiguous"
        case let .notANumber(_, column, row, text): return "column '\(column)', run \(row): '\(text)' is not a finite number"
        case let .nonPositive(_, column, row, value): return "column '\(column)', run \(row): \(value) is not > 0"
        case let .tooFewRuns(count, minimum): return "\(count) runs: the fit needs at least \(minimum)"
        case let .noSpread(role, value):
            return "every run has \(role == "n" ? "N" : "D") = \(value): the \(role == "n" ? "model" : "data")-size exponent cannot be fitted"
        case let .optimizerFailed(reason): return "the optimizer failed: \(reason)"
        }
    }
}
