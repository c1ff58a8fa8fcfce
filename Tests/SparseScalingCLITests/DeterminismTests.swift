import Foundation
import Testing

/// The same command and seeds give bit-identical stored results whatever the thread count, the order
/// of the grid, or the sharding (shards run as separate processes and merged).
@Suite("Determinism")
struct DeterminismTests {
    @Test("--threads 1 equals --threads 2 bit for bit")
    func threads() throws {
        let reference = try ReferenceSweep.rows.get()
        try withTemporaryFolder { folder in
            let output = try CLI.run(ReferenceSweep.command(store: "one.sqlite", ["--threads", "1"]), in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(try CLI.storedRows("one.sqlite", in: folder) == reference)
        }
    }

    @Test("the grid in reverse order stores the same rows")
    func order() throws {
        let reference = try ReferenceSweep.rows.get()
        try withTemporaryFolder { folder in
            let output = try CLI.run(ReferenceSweep.reversedArguments + ["--store", "r.sqlite", "--threads", "2"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(try CLI.storedRows("r.sqlite", in: folder) == reference)
        }
    }

    @Test("shards 1/2 and 2/2 in separate processes, merged, equal one unsharded run")
    func shardsAndMerge() throws {
        let reference = try ReferenceSweep.rows.get()
        try withTemporaryFolder { folder in
            let a = try CLI.start(ReferenceSweep.command(store: "shard-1.sqlite", ["--shard", "1/2", "--threads", "1"]), in: folder)
            let b = try CLI.start(ReferenceSweep.command(store: "shard-2.sqlite", ["--shard", "2/2", "--threads", "1"]), in: folder)
            for (process, _, err) in [a, b] {
                let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(message)")
            }
            let first = try CLI.storedRows("shard-1.sqlite", in: folder)
            let second = try CLI.storedRows("shard-2.sqlite", in: folder)
            #expect(!first.isEmpty && !second.isEmpty)
            #expect(Set(first).isDisjoint(with: Set(second)), "shards overlap")
            let merge = try CLI.run(["merge", "shard-1.sqlite", "shard-2.sqlite", "--into", "merged.sqlite"], in: folder)
            #expect(merge.status == 0, "\(merge.stderr)")
            #expect(try CLI.storedRows("merged.sqlite", in: folder) == reference)
            // Merging again adds nothing.
            _ = try CLI.run(["merge", "shard-1.sqlite", "shard-2.sqlite", "--into", "merged.sqlite"], in: folder)
            #expect(try CLI.storedRows("merged.sqlite", in: folder) == reference)
            // The unsharded command on the merged store has nothing left to compute and prints the fit.
            let resumed = try CLI.run(ReferenceSweep.command(store: "merged.sqlite"), in: folder)
            #expect(resumed.status == 0 && resumed.stdout.contains("\"points\""), "\(resumed.stderr)")
        }
    }
}
