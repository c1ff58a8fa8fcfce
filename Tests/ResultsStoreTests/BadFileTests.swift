import Foundation
import GRDB
import Testing
@testable import ResultsStore

@Suite("Bad files are rejected with a readable error")
struct BadFileTests {
    /// Opens `path`, expecting a `StoreError` accepted by `matches` whose message is one line naming the file.
    func expectRejected(_ path: String, _ matches: (StoreError) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try ResultsStore(path: path)
            Issue.record("opened \(path) without error", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            #expect(matches(error), "unexpected \(error)", sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
            #expect(error.description.contains(path) || error.description.contains("folder"), sourceLocation: sourceLocation)
        } catch {
            Issue.record("not a StoreError: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a file of random bytes is not a database, and is left untouched")
    func garbage() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("garbage.sqlite").path
            var generator = SystemRandomNumberGenerator()
            let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
            try bytes.write(to: URL(fileURLWithPath: path))
            expectRejected(path) { $0 == .notADatabase(path: path) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    @Test("a text file is not a database")
    func textFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("notes.txt").path
            try "alpha,beta\n0.5,1.2\n".write(toFile: path, atomically: true, encoding: .utf8)
            expectRejected(path) { $0 == .notADatabase(path: path) }
        }
    }

    @Test("an SQLite header followed by garbage is rejected")
    func headerThenGarbage() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("forged.sqlite").path
            var bytes = Data("SQLite format 3\0".utf8)
            bytes.append(Data((0..<8176).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }))
            try bytes.write(to: URL(fileURLWithPath: path))
            expectRejected(path) {
                switch $0 {
                case .notADatabase, .corrupt: true
                default: false
                }
            }
        }
    }

    @Test("a truncated database is rejected", arguments: [0.5, 0.1])
    func truncated(fraction: Double) throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("truncated.sqlite").path
            do {
                let store = try ResultsStore(path: path)
                try store.insert(contentsOf: samplePoints(configurations: 40, seeds: 50))
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(data.count > 100_000)
            try data.prefix(Int(Double(data.count) * fraction)).write(to: URL(fileURLWithPath: path))
            expectRejected(path) {
                switch $0 {
                case .notADatabase, .corrupt: true
                default: false
                }
            }
        }
    }

    @Test("a folder is unreadable as a database")
    func folderAsPath() throws {
        try withTemporaryDirectory { folder in
            expectRejected(folder.path) { $0 == .unreadable(path: folder.path, reason: "it is a folder") }
        }
    }

    @Test("a parent that is a file cannot become a folder")
    func parentIsAFile() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("plain")
            try Data("x".utf8).write(to: file)
            let path = file.appendingPathComponent("results.sqlite").path
            expectRejected(path) {
                if case .cannotCreateDirectory = $0 { true } else { false }
            }
        }
    }

    @Test("another program's SQLite database is not taken over")
    func foreignDatabase() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("other.sqlite").path
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY)") }
            }
            expectRejected(path) { $0 == .foreignDatabase(path: path) }
        }
    }

    @Test("a database from a newer schema is refused")
    func futureSchema() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("future.sqlite").path
            do {
                let store = try ResultsStore(path: path)
                try store.pool.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
                }
            }
            expectRejected(path) { $0 == .incompatibleSchema(path: path, unknownMigrations: ["v99-from-the-future"]) }
        }
    }
}
