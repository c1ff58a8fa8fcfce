import ArgumentParser
import Foundation
import ResultsStore
import ScalingAnalysis

/// `sparse-scaling merge`: combine results stores (e.g. the shards of a cluster run) into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine results stores into one; rows already present are not duplicated.",
        discussion: """
            The sources are only read, never changed. Rows with equal results for the same configuration and seed \
            are kept once (their time, duration and tool version may differ). Rows with different results for the \
            same configuration and seed are a conflict: an error naming both files, exit 1, and --into unchanged, \
            unless --prefer chooses one. All rows are written in one transaction.
            """
    )

    @Argument(help: "Stores to read (SQLite files written by sweep, experiment or reproduce); opened read-only.")
    var sources: [String]

    @Option(help: "Store to merge into (created if missing).")
    var into: String

    @Option(help: ArgumentHelp(
        "On a conflict, keep the row met first (the --into store's own row, else the one from the earliest source listed) or last (the one from the latest source listed, replacing the --into store's). Default: refuse conflicts.",
        valueName: "first|last"))
    var prefer: MergePreference?

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("missing stores to merge: give one or more paths before --into") }
        guard !into.isEmpty else { throw ValidationError("invalid value '' for --into: expected the path of a results store") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: into, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("invalid value '\(into)' for --into: it is a folder, not a results store")
        }
        for s in sources {
            guard FileManager.default.fileExists(atPath: s, isDirectory: &isDirectory), !isDirectory.boolValue,
                  FileManager.default.isReadableFile(atPath: s)
            else { throw ValidationError("invalid value '\(s)' for <sources>: not a readable file") }
            if Self.sameFile(s, into) {
                throw ValidationError("invalid value '\(into)' for --into: it is also one of the <sources>")
            }
        }
    }

    func run() throws {
        // Read and reconcile every source before the target is opened, so a bad source or a conflict between
        // sources leaves nothing behind.
        let plan: MergePlan
        do {
            plan = try MergePlan(sources: sources, preference: prefer)
        } catch let error as StoreError {
            throw RuntimeError(Self.message(for: error, context: "cannot merge <sources>"))
        }
        do {
            // Opening a store for writing writes to it, so conflicts with its rows are found read-only first.
            if FileManager.default.fileExists(atPath: into) {
                do {
                    try ResultsStore(readingAt: into).checkMerge(plan)
                } catch StoreError.emptyStore, StoreError.outdatedSchema {
                    // Becomes (or is upgraded to) a store when opened for writing; checked again in the transaction.
                }
            }
            let target = try ResultsStore(path: into)
            let summary = try target.merge(plan)
            var parts = ["\(Typography.counted(summary.added, "row")) added"]
            if summary.replaced > 0 { parts.append("\(summary.replaced) replaced") }
            if summary.identical > 0 { parts.append("\(summary.identical) already present") }
            if summary.conflicts > 0, let prefer { parts.append("\(Typography.counted(summary.conflicts, "conflict")) resolved by --prefer \(prefer.rawValue)") }
            parts.append("\(try target.count) in total")
            print("merged \(Typography.counted(sources.count, "store")) into \(into): " + parts.joined(separator: ", "))
        } catch let error as StoreError {
            throw RuntimeError(Self.message(for: error, context: "cannot use --into \(into)"))
        }
    }

    /// One line for a store error: a conflict says how to resolve it, anything else is prefixed with `context`.
    static func message(for error: StoreError, context: String) -> String {
        if case .conflictingRows = error {
            return "conflicting rows: \(error); give --prefer first or --prefer last to choose, nothing was written"
        }
        return "\(context): \(error)"
    }

    /// Whether two paths name the same existing file (same device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        let manager = FileManager.default
        guard let x = try? manager.attributesOfItem(atPath: a), let y = try? manager.attributesOfItem(atPath: b) else {
            return false
        }
        return (x[.systemNumber] as? NSNumber) == (y[.systemNumber] as? NSNumber)
            && (x[.systemFileNumber] as? NSNumber) == (y[.systemFileNumber] as? NSNumber)
    }
}

extension MergePreference: ExpressibleByArgument {}
