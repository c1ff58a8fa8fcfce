import ArgumentParser
import Foundation
import SparseScaling

/// What an experiment prints on standard output besides the files it writes into its `--out` folder:
/// `--format text|json|csv` (the summary, `<name>.json` or `<name>.csv`) and `--quiet`.
struct ExperimentPrintOptions: ParsableArguments {
    @Option(help: "What to print on standard output: text (the summary against the theory), json (the experiment's JSON) or csv (its data table, one row per point). The --out folder gets every file either way.")
    var format: OutputFormat = .text

    @Flag(help: "Print no progress bar and no notes on standard error (errors are still printed).")
    var quiet = false

    /// Prints `output` in the chosen format; the list of written `files` is a note (standard output
    /// with text, standard error with json and csv, where standard output holds only the data).
    func print<Output: ExperimentOutput>(_ output: Output, files: [URL]) throws {
        let note = "data: " + files.map(\.path).joined(separator: ", ")
        switch format {
        case .text:
            Swift.print(output.summaryText())
            Swift.print(note)
            return
        case .json:
            Swift.print(try ExperimentWriter.experimentJSON(output), terminator: "")
        case .csv:
            let tables = output.csvTables()
            guard let csv = tables["\(Output.name).csv"] ?? tables.sorted(by: { $0.key < $1.key }).first?.value else {
                throw RuntimeError("experiment \(Output.name) has no data table to print as csv")
            }
            let table = Self.withExponents(csv, of: output)
            Swift.print(table, terminator: table.hasSuffix("\n") ? "" : "\n")
        }
        if !quiet { FileHandle.standardError.write(Data((note + "\n").utf8)) }
    }

    /// `csv` with leading `alpha` and `beta` columns when it has none: printed alone, the table has no
    /// `.columns.json` sidecar to say at which exponents it was measured.
    static func withExponents<Output: ExperimentOutput>(_ csv: String, of output: Output) -> String {
        let (alpha, beta) = DataColumnSidecar.exponents(of: output)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        guard let alpha, let beta, let header = lines.first,
              !header.split(separator: ",").contains(where: { $0 == "alpha" || $0 == "beta" }) else { return csv }
        return lines.enumerated().map { i, line in
            if line.isEmpty { return "" }
            return (i == 0 ? "alpha,beta," : "\(alpha),\(beta),") + line
        }.joined(separator: "\n")
    }
}
