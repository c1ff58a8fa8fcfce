import Foundation
import GRDB
import Testing
@testable import ResultsStore

/// The convergence columns (iterations, converged, relative gradient norm) added by a later migration:
/// stored and read back, absent from the canonical key, and stores made before them stay usable.
@Suite("Convergence columns")
struct ConvergenceColumnTests {
    static func iterative(_ i: Int, seed: UInt64, converged: Bool) -> StoredPoint {
        var point = samplePoint(i, seed: seed)
        point.result.iterations = 1000 + i
        point.result.converged = converged
        point.result.relativeGradientNorm = converged ? 3e-11 : 2.5e-4
        return point
    }

    /// A store with only the v1 schema (as an earlier build wrote it) holding `points`: written by this
    /// build, then the later migration undone.
    static func writeVersion1Store(at path: String, points: [StoredPoint]) throws {
        do { _ = try ResultsStore(path: path).insert(contentsOf: points) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for column in Schema.convergenceColumns { try db.execute(sql: "ALTER TABLE points DROP COLUMN \(column)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [Schema.convergenceMigration])
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
    }

    @Test("are stored and read back; exact rows keep them nil")
    func roundTrip() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            try store.insert(Self.iterative(0, seed: 1, converged: false))
            try store.insert(samplePoint(1, seed: 1))
            let rows = try store.allPoints()
            let iterative = try #require(rows.first { $0.configuration == sampleConfiguration(0) })
            #expect(iterative.result.iterations == 1000)
            #expect(iterative.result.converged == false)
            #expect(iterative.result.relativeGradientNorm == 2.5e-4)
            let exact = try #require(rows.first { $0.configuration == sampleConfiguration(1) })
            #expect(exact.result.iterations == nil && exact.result.converged == nil && exact.result.relativeGradientNorm == nil)
            // The canonical key does not see them.
            #expect(Self.iterative(0, seed: 1, converged: true).configuration.key == samplePoint(0, seed: 1).configuration.key)
        }
    }

    @Test("a v1 store opens read-only unchanged, and migrates when opened for writing")
    func versionOneStore() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("old.sqlite").path
            try Self.writeVersion1Store(at: path, points: samplePoints(configurations: 2, seeds: 2))
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                let old = try ResultsStore(readingAt: path)
                let rows = try old.allPoints()
                #expect(rows.count == 4)
                #expect(rows.allSatisfy { $0.result.iterations == nil })
                _ = try old.csv()
                _ = try MergePlan(sources: [path])
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            let migrated = try ResultsStore(path: path)
            #expect(try migrated.count == 4)
            try migrated.insert(Self.iterative(5, seed: 0, converged: true))
            #expect(try migrated.allPoints().contains { $0.result.converged == true })
        }
    }

    @Test("merge carries them, and a v1 row without them equals a newer row with them")
    func merge() throws {
        try withTemporaryDirectory { folder in
            let old = folder.appendingPathComponent("old.sqlite").path
            try Self.writeVersion1Store(at: old, points: [samplePoint(0, seed: 1)])
            let new = folder.appendingPathComponent("new.sqlite").path
            do {
                let store = try ResultsStore(path: new)
                try store.insert(Self.iterative(0, seed: 1, converged: false))
                try store.insert(Self.iterative(2, seed: 1, converged: true))
            }
            let into = try ResultsStore(path: folder.appendingPathComponent("into.sqlite").path)
            let summary = try into.merge(from: [old, new])
            #expect(summary.added == 2)
            #expect(summary.identical == 1)
            let merged = try into.allPoints()
            #expect(merged.contains { $0.configuration == sampleConfiguration(2) && $0.result.converged == true && $0.result.iterations == 1002 })
        }
    }
}
