import Foundation
import Testing
@testable import ResultsStore

/// Rows that two stores hold for the same configuration and seed: equal ones are kept once, differing ones are
/// refused (naming both files and the key) unless a preference picks one, and a refused merge writes nothing.
@Suite("Merge conflicts")
struct MergeConflictTests {
    /// `point` with another loss.
    static func withLoss(_ point: StoredPoint, _ loss: Double) -> StoredPoint {
        var changed = point
        changed.result.loss = loss
        return changed
    }

    /// A store at `folder/name` holding `rows`; returns its path.
    static func store(_ folder: URL, _ name: String, _ rows: [StoredPoint]) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try ResultsStore(path: path).insert(contentsOf: rows)
        return path
    }

    @Test("differing rows in two sources are refused, naming both files, the key and the seed; nothing is written")
    func conflictBetweenSources() throws {
        try withTemporaryDirectory { folder in
            let rows = samplePoints(configurations: 3, seeds: 2)
            let a = try Self.store(folder, "a.sqlite", rows)
            let b = try Self.store(folder, "b.sqlite", [Self.withLoss(rows[3], 0.875)] + samplePoints(configurations: 5, seeds: 2).suffix(4))
            let destination = try ResultsStore(path: folder.appendingPathComponent("into.sqlite").path)
            try destination.insert(samplePoint(9, seed: 9))
            do {
                try destination.merge(from: [a, b])
                Issue.record("merged conflicting sources")
            } catch let error as StoreError {
                let expected = StoreError.conflictingRows(
                    key: rows[3].configuration.key, seed: rows[3].seed, firstPath: a, secondPath: b,
                    difference: "loss \(rows[3].result.loss) vs 0.875")
                #expect(error == expected)
                #expect(error.description.contains(a) && error.description.contains(b))
                #expect(error.description.contains(rows[3].configuration.key) && !error.description.contains("\n"))
            }
            #expect(try destination.count == 1, "nothing from either source was written")
        }
    }

    @Test("a source row differing from the destination's is refused; the destination keeps every row as it was")
    func conflictWithDestination() throws {
        try withTemporaryDirectory { folder in
            let rows = samplePoints(configurations: 4, seeds: 2)
            let intoPath = folder.appendingPathComponent("into.sqlite").path
            let destination = try ResultsStore(path: intoPath)
            try destination.insert(contentsOf: rows.prefix(4))
            let before = try destination.allPoints()
            // New rows first, the conflicting one last: the check must come before any insert.
            let source = try Self.store(folder, "new.sqlite", Array(rows.suffix(4)) + [Self.withLoss(rows[1], -1)])
            #expect(throws: StoreError.self) { try destination.merge(from: [source]) }
            let after = try destination.allPoints()
            #expect(after.count == before.count && zip(after, before).allSatisfy(sameRow))
            // The same check on a read-only view of the destination finds the conflict without writing.
            let reader = try ResultsStore(readingAt: intoPath)
            #expect(throws: StoreError.self) { try reader.checkMerge(MergePlan(sources: [source])) }
            #expect(throws: Never.self) { try reader.checkMerge(MergePlan(sources: [source], preference: .first)) }
        }
    }

    @Test("a preference resolves conflicts both ways, between sources", arguments: MergePreference.allCases)
    func preferenceBetweenSources(_ preference: MergePreference) throws {
        try withTemporaryDirectory { folder in
            let rows = samplePoints(configurations: 3, seeds: 2)
            let changed = Self.withLoss(rows[2], 0.4375)
            let a = try Self.store(folder, "a.sqlite", rows)
            let b = try Self.store(folder, "b.sqlite", [changed])
            let merged = try ResultsStore(path: folder.appendingPathComponent("into.sqlite").path)
            let summary = try merged.merge(from: [a, b], preference: preference)
            #expect(summary.added == rows.count && summary.conflicts == 1 && summary.replaced == 0)
            let kept = try merged.points(for: rows[2].configuration).first { $0.seed == rows[2].seed }
            let expected = preference == .first ? rows[2] : changed
            #expect(kept.map { sameRow($0, expected) } == true)
            // Every other row is the one both sources agree on.
            #expect(try merged.allPoints().filter { !sameRow($0, expected) }.allSatisfy { row in rows.contains { sameRow($0, row) } })
        }
    }

    @Test("a preference resolves conflicts both ways, against the destination", arguments: MergePreference.allCases)
    func preferenceAgainstDestination(_ preference: MergePreference) throws {
        try withTemporaryDirectory { folder in
            let rows = samplePoints(configurations: 2, seeds: 3)
            let changed = Self.withLoss(rows[4], 12.5)
            let destination = try ResultsStore(path: folder.appendingPathComponent("into.sqlite").path)
            try destination.insert(contentsOf: rows)
            let source = try Self.store(folder, "b.sqlite", [changed])
            let summary = try destination.merge(from: [source], preference: preference)
            #expect(summary == {
                var s = MergeSummary()
                s.conflicts = 1
                s.replaced = preference == .last ? 1 : 0
                return s
            }())
            let kept = try destination.points(for: rows[4].configuration).first { $0.seed == rows[4].seed }
            #expect(kept.map { sameRow($0, preference == .first ? rows[4] : changed) } == true)
            #expect(try destination.count == rows.count)
        }
    }

    @Test("equal rows (same results, other time, duration and version) are skipped, the first one kept")
    func equalRowsSkipped() throws {
        try withTemporaryDirectory { folder in
            let rows = samplePoints(configurations: 3, seeds: 2)
            let rerun = rows.map { row in
                var copy = row
                copy.result.seconds += 1
                copy.toolVersion = "9.9.9"
                copy.createdAt = row.createdAt.addingTimeInterval(3600)
                return copy
            }
            let a = try Self.store(folder, "a.sqlite", rows)
            let b = try Self.store(folder, "b.sqlite", rerun)
            let merged = try ResultsStore(path: folder.appendingPathComponent("into.sqlite").path)
            let summary = try merged.merge(from: [a, b])
            #expect(summary.added == rows.count && summary.identical == rows.count && summary.conflicts == 0)
            let stored = try merged.allPoints()
            #expect(stored.count == rows.count && stored.allSatisfy { row in rows.contains { sameRow($0, row) } })
            #expect(try merged.merge(from: [b]).identical == rows.count)
        }
    }

    @Test("merged rows are the sources' rows byte for byte (same CSV)")
    func mergedRowsExact() throws {
        try withTemporaryDirectory { folder in
            var rows = samplePoints(configurations: 4, seeds: 3)
            rows[0].result.loss = .nan
            rows[1].seed = .max
            rows[2].result.lossStandardError = 1e-300
            let a = try Self.store(folder, "a.sqlite", rows)
            let merged = try ResultsStore(path: folder.appendingPathComponent("into.sqlite").path)
            try merged.merge(from: [a])
            #expect(try merged.csv() == ResultsStore(readingAt: a).csv())
            #expect(try merged.json() == ResultsStore(readingAt: a).json())
        }
    }
}
