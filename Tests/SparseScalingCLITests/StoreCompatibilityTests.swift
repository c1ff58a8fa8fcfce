import Foundation
import Testing

/// A results store written by an earlier build (Fixtures/store-v1.sqlite: sparse linear sweep, ReLU,
/// dense with realized tail, gd, ridge) reads back byte for byte as that build printed it, and
/// re-running the commands that wrote it finds every row present: canonical keys are unchanged.
@Suite("Store written by an earlier build", .serialized)
struct StoreCompatibilityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The commands that wrote the fixture store (each followed by `--store <file>`).
    static let commands: [[String]] = [
        ["sweep", "--n", "4...16x2", "--d", "256", "--seeds", "2"],
        ["sweep", "--n", "8", "--d", "32,64", "--features", "relu", "--test-samples", "64", "--seeds", "1"],
        ["sweep", "--n", "8", "--d", "16", "--data", "dense", "--m", "32", "--seeds", "1", "--tail", "realized"],
        ["sweep", "--n", "8", "--d", "16", "--solver", "gd", "--max-iterations", "200", "--seeds", "1"],
        ["sweep", "--n", "8", "--d", "16", "--ridge", "0.01", "--alpha", "0.5", "--beta", "1.5", "--seeds", "1"],
    ]

    /// Copies the fixture store into `folder` as s.sqlite (the fixture itself is never opened for writing).
    static func copyStore(into folder: URL) throws {
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("store-v1.sqlite"), to: folder.appendingPathComponent("s.sqlite"))
    }

    @Test("results --format json prints what the earlier build printed, plus tag null on every row and M = ∞ as inf, not null")
    func readsBackJSON() throws {
        try withTemporaryFolder { folder in
            try Self.copyStore(into: folder)
            let output = try CLI.run(["results", "--store", "s.sqlite", "--format", "json"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let expected = try Data(contentsOf: Self.fixtures.appendingPathComponent("store-v1.json"))
            let earlier = try #require(JSONSerialization.jsonObject(with: expected) as? [NSDictionary])
            let rows = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
            #expect(rows.allSatisfy { $0["tag"] is NSNull })
            // The earlier build wrote null for M = ∞, which now means "not given"; it is "inf", as in the CSV.
            let earlierWithInfinity = earlier.map { row -> NSDictionary in
                let copy = NSMutableDictionary()
                copy.addEntries(from: row as! [AnyHashable: Any])
                if row["m"] is NSNull { copy["m"] = "inf" }
                return copy
            }
            #expect(earlier.contains { $0["m"] is NSNull })
            // The sampler, the estimator and σ are now named columns, decoded from the key's `extra`.
            #expect(rows.allSatisfy { $0["sampler"] as? String == "per-sample" && $0["estimator"] as? String == "sample" && $0["noise"] as? Double == 0 })
            let named: Set<String> = ["tag", "sampler", "estimator", "noise"]
            #expect(rows.map { NSDictionary(dictionary: $0.filter { !named.contains($0.key) }) } == earlierWithInfinity)
        }
    }

    /// store-v1.csv is the CSV of this store in the pandas-ready format (m = inf, options as columns, a tag
    /// column, no extras); it replaced the earlier build's CSV deliberately, with the same values.
    @Test("results --format csv prints the fixture's rows in the current CSV format")
    func readsBackCSV() throws {
        try withTemporaryFolder { folder in
            try Self.copyStore(into: folder)
            let output = try CLI.run(["results", "--store", "s.sqlite", "--format", "csv"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("store-v1.csv"), encoding: .utf8)
            #expect(output.stdout == expected)
        }
    }

    @Test("re-running the commands that wrote the store adds no row")
    func canonicalKeysUnchanged() throws {
        try withTemporaryFolder { folder in
            try Self.copyStore(into: folder)
            let before = try CLI.storedRows("s.sqlite", in: folder)
            #expect(before.count == 11)
            for command in Self.commands {
                let output = try CLI.run(command + ["--store", "s.sqlite"], in: folder)
                if command.contains("realized") && command.contains("dense") {
                    // Dense data observe every coordinate, so the realized tail has no effect: the command
                    // that wrote those rows is now refused by name, and the rows still read back.
                    #expect(output.status == 2 && output.stderr.contains("--tail"), "\(command): \(output.stderr)")
                    continue
                }
                #expect(output.status == 0, "\(command): \(output.stderr)")
            }
            #expect(try CLI.storedRows("s.sqlite", in: folder) == before)
        }
    }
}
