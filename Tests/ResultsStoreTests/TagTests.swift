import Foundation
import GRDB
import Testing
@testable import ResultsStore

/// The `tag` column (migration `v2-tag`): stored with each row, outside the canonical key, NULL for rows written
/// before it, and a store from before it still reads (read-only, as is) and merges.
@Suite("Run tags")
struct TagTests {
    /// A store written by a build from before tags (only migration v1), shared with the CLI's compatibility tests.
    static let storeBeforeTags = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SparseScalingCLITests/Fixtures/store-v1.sqlite")

    @Test("a tag round-trips, and the same (configuration, seed) under another tag is the same row")
    func tagIsNotPartOfTheKey() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            var point = samplePoint(1, seed: 7)
            point.tag = "first-run"
            #expect(try store.insert(point))
            point.tag = "second-run"
            point.result.loss = 99
            #expect(try store.insert(point) == false)
            let rows = try store.allPoints()
            #expect(rows.count == 1)
            #expect(rows[0].tag == "first-run")
            #expect(rows[0].result.loss != 99)
            #expect(try store.csv().contains(",first-run,"))
            #expect(try store.json().contains("\"tag\" : \"first-run\""))
        }
    }

    @Test("a store from before tags reads read-only as is (tag nil, empty CSV cell) and is left unchanged")
    func readsStoreBeforeTags() throws {
        try withTemporaryDirectory { folder in
            let copy = folder.appendingPathComponent("old.sqlite")
            try FileManager.default.copyItem(at: Self.storeBeforeTags, to: copy)
            let before = try Data(contentsOf: copy)
            let store = try ResultsStore(readingAt: copy.path)
            let rows = try store.allPoints()
            #expect(rows.count == 11)
            #expect(rows.allSatisfy { $0.tag == nil })
            let csv = try store.csv()
            let header = try #require(csv.split(separator: "\n").first).split(separator: ",")
            let tagColumn = try #require(header.firstIndex(of: "tag"))
            let mColumn = try #require(header.firstIndex(of: "m"))
            #expect(header.contains("max_iterations"))  // the gd row's option, now a column
            #expect(!header.contains("extra") && !header.contains("extras"))
            for line in csv.split(separator: "\n").dropFirst() {
                // No field of this fixture is quoted, so splitting on commas finds the cells.
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                #expect(cells.count == header.count)
                #expect(cells[tagColumn] == "")
                #expect(cells[mColumn] == "inf" || Int(cells[mColumn]) != nil)
            }
            #expect(try Data(contentsOf: copy) == before)
        }
    }

    @Test("opening a store from before tags for writing migrates it: old rows get tag NULL, new rows their tag")
    func migratesStoreBeforeTags() throws {
        try withTemporaryDirectory { folder in
            let copy = folder.appendingPathComponent("old.sqlite")
            try FileManager.default.copyItem(at: Self.storeBeforeTags, to: copy)
            let store = try ResultsStore(path: copy.path)
            let migrations = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(migrations == ["v1", "v2-tag", "v3-convergence"])
            var point = samplePoint(2, seed: 1)
            point.tag = "new"
            try store.insert(point)
            let rows = try store.allPoints()
            #expect(rows.count == 12)
            #expect(rows.filter { $0.tag == nil }.count == 11)
            #expect(rows.filter { $0.tag == "new" }.count == 1)
        }
    }

    @Test("merging a store from before tags keeps its rows with tag NULL; rows that differ only by tag agree")
    func mergesStoreBeforeTags() throws {
        try withTemporaryDirectory { folder in
            let old = folder.appendingPathComponent("old.sqlite")
            try FileManager.default.copyItem(at: Self.storeBeforeTags, to: old)
            let retagged = folder.appendingPathComponent("retagged.sqlite").path
            do {
                let store = try ResultsStore(path: retagged)
                for var row in try ResultsStore(readingAt: old.path).allPoints() {
                    row.tag = "rerun"
                    try store.insert(row)
                }
            }
            let merged = try ResultsStore(path: folder.appendingPathComponent("merged.sqlite").path)
            _ = try merged.merge(from: [old.path, retagged])
            let rows = try merged.allPoints()
            #expect(rows.count == 11)
            #expect(rows.allSatisfy { $0.tag == nil })
        }
    }
}
