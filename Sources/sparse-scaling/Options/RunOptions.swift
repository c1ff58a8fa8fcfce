import ArgumentParser
import Foundation
import ResultsStore
import SparseScaling

/// The flags of commands that measure many points: results store, sharding, threads, seeds.
struct RunOptions: ParsableArguments {
    @Option(help: "Results store (SQLite) to resume from and write to.")
    var store: String = "results/sparse-scaling.sqlite"

    @Option(parsing: .unconditional, help: "Run only shard k of n (k = 1…n) of the work, e.g. 2/4; shards of one command partition it exactly.")
    var shard: String = "1/1"

    @Option(help: "Run label stored with every new row (not part of the configuration), to split a store's rows by run. Default: the command or experiment name.")
    var tag: String?

    @OptionGroup var threadOptions: ThreadOptions

    @OptionGroup var memory: MemoryOptions

    /// Points measured at once.
    var threads: Int { threadOptions.threads }

    mutating func validate() throws {
        guard !store.isEmpty else { throw ValidationError("invalid value '' for --store: expected the path of a results store") }
        if let tag, tag.isEmpty || tag.contains(where: { $0.isNewline }) {
            throw ValidationError("invalid value '\(tag)' for --tag: expected a non-empty name on one line")
        }
        do { _ = try Shard(parsing: shard) } catch {
            throw ValidationError("invalid value '\(shard)' for --shard: expected k/n with 1 ≤ k ≤ n, e.g. 1/4")
        }
    }

    /// Opens the store and builds the runner (a runtime error when the store cannot be opened); new rows get
    /// `--tag`, or `defaultTag`; `quiet` turns off the progress bar and notes. Ctrl-C then prints what is saved.
    func runner(defaultTag: String, quiet: Bool = false) throws -> MeasurementRunner {
        let opened: ResultsStore
        do { opened = try ResultsStore(path: store) } catch {
            throw RuntimeError("cannot use --store \(store): \(error)")
        }
        let runner = MeasurementRunner(
            store: opened, shard: try Shard(parsing: shard), threads: threads, progress: ProgressReporter(quiet: quiet))
        runner.memoryLimit = try memory.limit()
        runner.tag = tag ?? defaultTag
        let path = store
        // Weak: the handler must not keep the store open past the command (closing it checkpoints the WAL).
        InterruptNotice.install { [weak runner] in
            "\(runner?.storedThisRun ?? 0) new (point, seed) rows saved in \(path), every finished one"
        }
        return runner
    }
}
