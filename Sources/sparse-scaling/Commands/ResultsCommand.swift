import ArgumentParser
import Foundation
import ResultsStore

/// `sparse-scaling results`: export every row of a results store for pandas and friends.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Print every row of a results store as CSV, JSON or an aligned text table (one row per configuration and seed)."
    )

    @Option(help: "Results store to read (opened read-only: nothing is written to it or beside it).")
    var store: String = "results/sparse-scaling.sqlite"

    @Option(help: "Output format: csv (m = inf for infinitely many features, one column per solver option, a tag column), json, or text (the csv's columns aligned for reading). Default csv: this command's output is meant for pandas.")
    var format: OutputFormat = .csv

    @Option(help: "Write to this file instead of standard output (replaced atomically). Default: standard output.")
    var out: String?

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: store, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: store)
        else {
            throw ValidationError("invalid value '\(store)' for --store: not a readable file")
        }
        if let out { try OutputFile.checkWritable(out, flag: "--out") }
    }

    func run() throws {
        do {
            let opened = try ResultsStore(readingAt: store)
            let text: String
            switch format {
            case .csv: text = try opened.csv()
            case .json: text = try opened.json()
            case .text: text = AlignedTable.fromCSV(try opened.csv())
            }
            if let out { try OutputFile.write(text, to: out) } else { print(text, terminator: "") }
        } catch let error as StoreError {
            throw RuntimeError("cannot read --store \(store): \(error)")
        }
    }
}
