import Foundation
import GRDB
import Testing
@testable import ResultsStore

/// A store whose writer was killed mid-transaction is readable read-only, shows only committed rows, and is left
/// byte for byte as it was (the recovery happens on a private copy).
@Suite("Reading a store a killed writer left")
struct RecoveredCopyTests {
    /// Writes a store with `points`, then leaves `crashed` as a writer killed mid-transaction leaves its file:
    /// a rollback journal that must be played back (a hot journal) and pages of the unfinished transaction.
    static func crashedStore(at crashed: String, from original: String, points: [StoredPoint]) throws {
        do {
            let store = try ResultsStore(path: original)
            try store.insert(contentsOf: points)
        }
        let queue = try DatabaseQueue(path: original)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA cache_size = 4")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "DELETE FROM points")
            try db.execute(sql: "CREATE TABLE unfinished (x BLOB)")
            for _ in 0..<400 { try db.execute(sql: "INSERT INTO unfinished VALUES (zeroblob(4000))") }
            // Copy the files as they are mid-transaction: what a SIGKILL at this moment leaves on disk.
            for suffix in ["", "-journal"] {
                try FileManager.default.copyItem(atPath: original + suffix, toPath: crashed + suffix)
            }
            try db.execute(sql: "ROLLBACK")
        }
        try queue.close()
    }

    @Test("a hot journal: read-only opening reads the committed rows and changes no file")
    func hotJournal() throws {
        try withTemporaryDirectory { folder in
            let points = samplePoints(configurations: 6, seeds: 3)
            let crashed = folder.appendingPathComponent("crashed.sqlite").path
            try Self.crashedStore(at: crashed, from: folder.appendingPathComponent("original.sqlite").path, points: points)
            let before = try ["", "-journal"].map { try Data(contentsOf: URL(fileURLWithPath: crashed + $0)) }

            // The state really needs a writer: plain SQLite refuses it to a read-only connection.
            var configuration = Configuration()
            configuration.readonly = true
            let refusal = #expect(throws: DatabaseError.self) {
                let plain = try DatabaseQueue(path: crashed, configuration: configuration)
                _ = try plain.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM points") }
            }
            #expect(refusal?.extendedResultCode == .SQLITE_READONLY_ROLLBACK)

            let store = try ResultsStore(readingAt: crashed)
            #expect(store.isReadOnly)
            #expect(try store.count == points.count, "the committed rows, without the unfinished delete")
            #expect(Set(try store.allPoints().map(\.seed)) == Set(points.map(\.seed)))
            let after = try ["", "-journal"].map { try Data(contentsOf: URL(fileURLWithPath: crashed + $0)) }
            #expect(after == before, "the files a read-only command opened are unchanged")
            #expect(!FileManager.default.fileExists(atPath: crashed + "-wal"))
        }
    }
}
