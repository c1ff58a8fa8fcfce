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
            Swift.print(try ExperimentWriter.json(output), terminator: "")
        case .csv:
            let tables = output.csvTables()
            guard let csv = tables["\(Output.name).csv"] ?? tables.sorted(by: { $0.key < $1.key }).first?.value else {
                throw RuntimeError("experiment \(Output.name) has no data table to print as csv")
            }
            Swift.print(csv, terminator: csv.hasSuffix("\n") ? "" : "\n")
        }
        if !quiet { FileHandle.standardError.write(Data((note + "\n").utf8)) }
    }
}
