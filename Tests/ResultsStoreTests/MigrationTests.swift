import Foundation
import GRDB
import Testing
@testable import ResultsStore

@Suite("Schema and migrations")
struct MigrationTests {
    @Test("reopening is idempotent: same rows, same migrations, no new tables")
    func reopen() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("r.sqlite").path
            let points = samplePoints(configurations: 3, seeds: 2)
            do { try ResultsStore(path: path).insert(contentsOf: points) }
            for _ in 0..<3 {
                let store = try ResultsStore(path: path)
                #expect(try store.count == points.count)
                let (migrations, tables) = try store.pool.read { db in
                    (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                     try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                }
                #expect(migrations == ["v1", "v2-tag"])
                #expect(tables.filter { !$0.hasPrefix("sqlite_") } == ["grdb_migrations", "points"])
            }
        }
    }

    @Test("the table has a column for every exported field, WAL mode, and a UNIQUE (key, seed)")
    func schema() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            let (columns, journalMode, unique) = try store.pool.read { db in
                (try db.columns(in: "points").map(\.name),
                 try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try db.table("points", hasUniqueKey: ["configuration_key", "seed"]))
            }
            #expect(columns == ["id"] + Schema.columns)
            #expect(journalMode == "wal")
            #expect(unique)
        }
    }

    @Test("SQL users can query parameters directly; seeds are Int64 bit patterns")
    func sqlQueries() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            try store.insert(samplePoint(0, seed: UInt64.max))
            try store.insert(samplePoint(1, seed: 3))
            let (sparseInfinite, seed, extras) = try store.pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM points WHERE data = 'sparse' AND m IS NULL"),
                 try Int64.fetchOne(db, sql: "SELECT seed FROM points WHERE data = 'sparse'"),
                 try String.fetchOne(db, sql: "SELECT extras FROM points WHERE data = 'dense'"))
            }
            #expect(sparseInfinite == 1)
            #expect(seed == -1)
            #expect(extras == #"{"condition":100000000,"gd_steps":100}"#)
        }
    }
}
