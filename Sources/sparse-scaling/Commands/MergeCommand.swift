import ArgumentParser
import Foundation
import ResultsStore

/// `sparse-scaling merge`: combine results stores (e.g. the shards of a cluster run) into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine results stores into one; rows already present are not duplicated."
    )

    @Argument(help: "Stores to read (SQLite files written by sweep, experiment or reproduce).")
    var sources: [String]

    @Option(help: "Store to merge into (created if missing).")
    var into: String

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("missing stores to merge: give one or more paths before --into") }
        for s in sources where !FileManager.default.isReadableFile(atPath: s) {
            throw ValidationError("invalid value '\(s)' for <sources>: not a readable file")
        }
    }

    func run() throws {
        do {
            // Check every source before the target is created, so a bad source leaves nothing behind.
            for source in sources { _ = try ResultsStore(path: source, createIfMissing: false) }
            let target = try ResultsStore(path: into)
            let added = try target.merge(from: sources)
            print("merged \(sources.count) store(s) into \(into): \(added) row(s) added, \(try target.count) in total")
        } catch let error as StoreError {
            throw RuntimeError("\(error)")
        }
    }
}
