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

    @Option(parsing: .unconditional, help: "Points measured at once, 1…256. Default: the number of cores. Results do not depend on it.")
    var threads: Int = ParallelChunks.defaultThreads

    @OptionGroup var memory: MemoryOptions

    mutating func validate() throws {
        guard !store.isEmpty else { throw ValidationError("invalid value '' for --store: expected the path of a results store") }
        guard (1...256).contains(threads) else {
            throw ValidationError("invalid value '\(threads)' for --threads: expected an integer from 1 to 256")
        }
        do { _ = try Shard(parsing: shard) } catch {
            throw ValidationError("invalid value '\(shard)' for --shard: expected k/n with 1 ≤ k ≤ n, e.g. 1/4")
        }
    }

    /// Opens the store and builds the runner (a runtime error when the store cannot be opened).
    func runner() throws -> MeasurementRunner {
        let opened: ResultsStore
        do { opened = try ResultsStore(path: store) } catch {
            throw RuntimeError("cannot use --store \(store): \(error)")
        }
        let runner = MeasurementRunner(store: opened, shard: try Shard(parsing: shard), threads: threads)
        runner.memoryLimit = try memory.limit()
        return runner
    }
}

/// The `--seeds` flag: how many seeds each point is measured with.
struct SeedOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seeds per point, 1…100000 (data, embedding and teacher redrawn per seed).")
    var seeds: Int = 4

    @Option(parsing: .unconditional, help: "First seed; seeds are first-seed, first-seed+1, ….")
    var firstSeed: UInt64 = 0

    mutating func validate() throws {
        guard (1...100_000).contains(seeds) else {
            throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 100000")
        }
    }

    /// The seed list.
    var list: [UInt64] { (0..<UInt64(seeds)).map { firstSeed &+ $0 } }
}
