import ArgumentParser
import Foundation
import ResultsStore

/// `sparse-scaling results`: export every row of a results store for pandas and friends.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Print every row of a results store as CSV or JSON (one row per configuration and seed)."
    )

    /// Export formats.
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: "Results store to read.")
    var store: String = "results/sparse-scaling.sqlite"

    @Option(help: "Output format: csv or json.")
    var format: ExportFormat = .csv

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: store) else {
            throw ValidationError("invalid value '\(store)' for --store: not a readable file")
        }
    }

    func run() throws {
        do {
            let opened = try ResultsStore(path: store, createIfMissing: false)
            print(format == .csv ? try opened.csv() : try opened.json(), terminator: "")
        } catch let error as StoreError {
            throw RuntimeError("\(error)")
        }
    }
}
