import Foundation
import GRDB
import Testing
@testable import ResultsStore

@Suite("Uniqueness and concurrency")
struct UniquenessTests {
    @Test("a duplicate (key, seed) is ignored, never duplicated nor overwritten")
    func duplicates() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            let point = samplePoint(1, seed: 7)
            #expect(try store.insert(point))
            var changed = point
            changed.result.loss = 99
            #expect(try !store.insert(changed))
            #expect(try store.insert(contentsOf: [point, changed, samplePoint(1, seed: 8)]) == 1)
            #expect(try store.count == 2)
            #expect(try store.points(for: point.configuration).first?.result.loss == point.result.loss)
        }
    }

    @Test("concurrent inserts from several threads and two connections give exactly one row each")
    func concurrentInserts() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("r.sqlite").path
            let first = try ResultsStore(path: path)
            let second = try ResultsStore(path: path)
            let points = samplePoints(configurations: 10, seeds: 6)
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                let store = worker % 2 == 0 ? first : second
                do {
                    if worker % 3 == 0 {
                        try store.insert(contentsOf: points.shuffled())
                    } else {
                        for point in points.shuffled() { try store.insert(point) }
                    }
                } catch {
                    failures.record(error)
                }
            }
            #expect(failures.all.isEmpty, "\(failures.all)")
            #expect(try first.count == points.count)
            #expect(try second.allPoints().count == points.count)
            #expect(Set(try first.allPoints().map { "\($0.configuration.key)#\($0.seed)" }).count == points.count)
        }
    }

    @Test("connections opening a new file at the same moment all succeed and create the schema once")
    func concurrentCreation() throws {
        try withTemporaryDirectory { folder in
            for round in 0..<20 {
                let path = folder.appendingPathComponent("new-\(round).sqlite").path
                let failures = Failures()
                DispatchQueue.concurrentPerform(iterations: 6) { worker in
                    do {
                        let store = try ResultsStore(path: path)
                        try store.insert(samplePoint(worker, seed: UInt64(round)))
                    } catch {
                        failures.record(error)
                    }
                }
                #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
                let count = try ResultsStore(path: path).count
                #expect(count == 6)
            }
        }
    }

    @Test("a failing batch adds nothing")
    func batchIsAtomic() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            // A trigger makes the third row of the batch fail, after two rows went in.
            try store.pool.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse BEFORE INSERT ON points WHEN NEW.seed = 666
                    BEGIN SELECT RAISE(ABORT, 'refused'); END
                    """)
            }
            let batch = [samplePoint(1, seed: 1), samplePoint(1, seed: 2), samplePoint(1, seed: 666)]
            #expect(throws: StoreError.self) { try store.insert(contentsOf: batch) }
            #expect(try store.count == 0)
        }
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    func record(_ error: any Error) {
        lock.withLock { errors.append(String(describing: error)) }
    }

    var all: [String] { lock.withLock { errors } }
}
