import Foundation
import Testing
@testable import ResultsStore

@Suite("Merge")
struct MergeTests {
    @Test("merging two stores equals one store with all rows")
    func mergeEqualsUnion() throws {
        try withTemporaryDirectory { folder in
            let all = samplePoints(configurations: 8, seeds: 5)
            let pathA = folder.appendingPathComponent("a.sqlite").path
            let pathB = folder.appendingPathComponent("b.sqlite").path
            let a = try ResultsStore(path: pathA)
            let b = try ResultsStore(path: pathB)
            // Overlapping halves: rows 0..<25 in a, rows 15..<40 in b.
            try a.insert(contentsOf: all[0..<25])
            try b.insert(contentsOf: all[15..<40])
            let reference = try ResultsStore(path: folder.appendingPathComponent("ref.sqlite").path)
            try reference.insert(contentsOf: all.reversed())

            let merged = try ResultsStore(path: folder.appendingPathComponent("merged.sqlite").path)
            #expect(try merged.merge(from: [pathA, pathB]).added == all.count)
            #expect(try merged.merge(from: [pathA, pathB]).added == 0)
            let mergedRows = try merged.allPoints()
            let referenceRows = try reference.allPoints()
            #expect(mergedRows.count == referenceRows.count)
            #expect(zip(mergedRows, referenceRows).allSatisfy(sameRow))
            #expect(try merged.csv() == reference.csv())
        }
    }

    @Test("merging into a store adds only the missing rows")
    func mergeIntoExisting() throws {
        try withTemporaryDirectory { folder in
            let pathB = folder.appendingPathComponent("b.sqlite").path
            let a = try ResultsStore(path: folder.appendingPathComponent("a.sqlite").path)
            try a.insert(contentsOf: samplePoints(configurations: 2, seeds: 3))
            try ResultsStore(path: pathB).insert(contentsOf: samplePoints(configurations: 3, seeds: 3))
            #expect(try a.merge(from: [pathB]).added == 3)
            #expect(try a.count == 9)
        }
    }

    @Test("a missing source is an error and creates no file")
    func missingSource() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("a.sqlite").path)
            let missing = folder.appendingPathComponent("missing.sqlite").path
            #expect(throws: StoreError.missingFile(path: missing)) { try store.merge(from: [missing]) }
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }
}
