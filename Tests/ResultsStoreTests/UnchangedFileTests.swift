import Foundation
import GRDB
import TestSupport
import Testing
@testable import ResultsStore

/// Refused files are left exactly as they were, and read-only opening writes nothing anywhere.
@Suite("Files that must not change")
struct UnchangedFileTests {
    /// Kinds of files that are not a usable results store.
    enum Refused: String, CaseIterable, Sendable {
        case foreign, empty, noTables, futureSchema, truncated, garbage
    }

    /// Writes a file of the given kind at `path`, leaving no side files.
    static func make(_ kind: Refused, at path: String) throws {
        switch kind {
        case .foreign:
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)") }
            try queue.close()
        case .empty:
            FileManager.default.createFile(atPath: path, contents: Data())
        case .noTables:
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 7") }
            try queue.close()
        case .futureSchema:
            try makeStore(at: path, rows: samplePoints(configurations: 2, seeds: 2))
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
            try queue.close()
        case .truncated:
            try makeStore(at: path, rows: samplePoints(configurations: 30, seeds: 40))
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        case .garbage:
            try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 9) }).write(to: URL(fileURLWithPath: path))
        }
        for suffix in ["-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: path + suffix)) }
    }

    /// Creates a store holding `rows` and closes it (its side files are gone once it is closed).
    static func makeStore(at path: String, rows: [StoredPoint]) throws {
        let store = try ResultsStore(path: path)
        try store.insert(contentsOf: rows)
        try store.pool.close()
        // A pool whose reader connections were used leaves its side files when closed; the last connection of a
        // plain queue checkpoints the log and removes them.
        try DatabaseQueue(path: path).close()
        for suffix in ["-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: path + suffix)) }
    }

    @Test("a refused file is byte-identical afterwards, with the same mtime and no side files", arguments: Refused.allCases)
    func refusedFileUnchanged(_ kind: Refused) throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("file.sqlite").path
            try Self.make(kind, at: path)
            let before = FileState(path)
            // Reading: every kind is refused (an empty file or one without tables holds no store).
            #expect(throws: StoreError.self) { _ = try ResultsStore(readingAt: path) }
            #expect(FileState(path) == before, "read-only open changed it: \(FileState(path)) vs \(before)")
            // Reading it as a merge source is refused too.
            #expect(throws: StoreError.self) { _ = try MergePlan(sources: [path]) }
            #expect(FileState(path) == before, "merge changed its source")
            // Writing: refused, except an empty file or one without tables, which become a store.
            switch kind {
            case .empty, .noTables:
                let store = try ResultsStore(path: path)
                #expect(try store.count == 0)
            default:
                #expect(throws: StoreError.self) { _ = try ResultsStore(path: path) }
                #expect(FileState(path) == before, "read-write open changed it: \(FileState(path)) vs \(before)")
            }
        }
    }

    @Test("the refusals say why", arguments: Refused.allCases)
    func refusalMessages(_ kind: Refused) throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("file.sqlite").path
            try Self.make(kind, at: path)
            do {
                _ = try ResultsStore(readingAt: path)
                Issue.record("opened \(kind) read-only")
            } catch let error as StoreError {
                switch (kind, error) {
                case (.foreign, .foreignDatabase), (.empty, .emptyStore), (.noTables, .emptyStore),
                     (.futureSchema, .incompatibleSchema), (.truncated, .corrupt), (.truncated, .notADatabase),
                     (.garbage, .notADatabase):
                    break
                default: Issue.record("\(kind): unexpected \(error)")
                }
                #expect(error.description.contains(path) && !error.description.contains("\n"))
            }
        }
    }

    @Test("a store opened read-only is read whole, and nothing is written or created")
    func readOnlyOpenWritesNothing() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            let rows = samplePoints(configurations: 6, seeds: 4)
            try Self.makeStore(at: path, rows: rows)
            let before = FileState(path)
            let store = try ResultsStore(readingAt: path)
            #expect(store.isReadOnly)
            #expect(try store.allPoints().count == rows.count)
            #expect(FileState(path) == before, "while open: \(FileState(path))")
            #expect(throws: StoreError.openedReadOnly(path: path)) { try store.insert(samplePoint(99, seed: 1)) }
            try store.pool.close()
            #expect(FileState(path) == before, "after closing: \(FileState(path))")
        }
    }

    @Test("a read-only open sees rows still in another connection's write-ahead log")
    func readOnlyOpenBesideAWriter() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            let writer = try ResultsStore(path: path)
            try writer.insert(contentsOf: samplePoints(configurations: 3, seeds: 3))
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            let reader = try ResultsStore(readingAt: path)
            #expect(try reader.count == 9)
            try writer.insert(samplePoint(7, seed: 1))
            #expect(try reader.count == 10)
        }
    }

    @Test("a file changed under an immutable read-only connection is reported, not read half-old")
    func changedWhileReading() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            try Self.makeStore(at: path, rows: samplePoints(configurations: 3, seeds: 3))
            let reader = try ResultsStore(readingAt: path)
            #expect(reader.readOnlyConnection?.immutable == ReadOnlyConnection.uriFilenamesEnabled)
            #expect(try reader.count == 9)
            try Self.makeStore(at: path, rows: samplePoints(configurations: 4, seeds: 3))
            if reader.readOnlyConnection?.immutable == true {
                #expect(throws: StoreError.changedWhileReading(path: path)) { _ = try reader.count }
            }
        }
    }

    @Test("an immutable file in an immutable folder (chattr +i) is read, and refused for writing")
    func immutableFile() throws {
        try withTemporaryDirectory { folder in
            let inner = folder.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
            let path = inner.appendingPathComponent("store.sqlite").path
            let rows = samplePoints(configurations: 5, seeds: 3)
            try Self.makeStore(at: path, rows: rows)
            let before = FileState(path)
            _ = try withImmutable([path, inner.path]) {
                let store = try ResultsStore(readingAt: path)
                #expect(try store.allPoints().count == rows.count)
                try store.pool.close()
                do {
                    _ = try ResultsStore(path: path)
                    Issue.record("opened an immutable file for writing")
                } catch let error as StoreError {
                    if case .unwritable = error {} else { Issue.record("unexpected \(error)") }
                }
                #expect(FileState(path) == before)
            }
        }
    }

    @Test("a store on a read-only file system is read, and refused for writing")
    func readOnlyFileSystem() throws {
        try withTemporaryDirectory { folder in
            let inner = folder.appendingPathComponent("mounted")
            try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
            let path = inner.appendingPathComponent("store.sqlite").path
            let rows = samplePoints(configurations: 5, seeds: 3)
            try Self.makeStore(at: path, rows: rows)
            let before = FileState(path)
            _ = try withReadOnlyMount(inner.path) {
                let store = try ResultsStore(readingAt: path)
                #expect(try store.allPoints().count == rows.count)
                try store.pool.close()
                #expect(throws: StoreError.self) { _ = try ResultsStore(path: path) }
                #expect(FileState(path) == before)
            }
        }
    }
}
