import Foundation

/// The small sweep that the crash and determinism tests run (144 (point, seed) pairs, about a
/// second in a debug build), and its uninterrupted result computed once per test process.
enum ReferenceSweep {
    /// The sweep's arguments without --store, --threads and --shard.
    static let arguments = ["sweep", "--n", "4...128x2", "--d", "256,1024", "--seeds", "12", "--format", "json"]

    /// The same grid given in reverse order.
    static let reversedArguments = ["sweep", "--n", "128,64,32,16,8,4", "--d", "1024,256", "--seeds", "12", "--format", "json"]

    /// The sweep's arguments writing to `store` with `extra` flags.
    static func command(store: String, _ extra: [String] = []) -> [String] {
        arguments + ["--store", store] + extra
    }

    /// Rows of an uninterrupted single-process run with 2 threads (seconds, tool and dates removed).
    static let rows: Result<[String], Error> = Result {
        try withTemporaryFolder { folder in
            let output = try CLI.run(command(store: "reference.sqlite", ["--threads", "2"]), in: folder)
            guard output.status == 0 else { throw TestFailure("reference sweep failed: \(output.stderr)") }
            return try CLI.storedRows("reference.sqlite", in: folder)
        }
    }
}
