import Foundation
import Testing
@testable import ResultsStore

@Suite("Round trip")
struct RoundTripTests {
    @Test("every field comes back, doubles bit-exact")
    func allFields() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("nested/deeper/results.sqlite").path
            let awkward: [Double] = [0.1, 1.0 / 3.0, .leastNonzeroMagnitude, 2.2250738585072014e-308, .greatestFiniteMagnitude, 1e300, 0.30000000000000004]
            var points: [StoredPoint] = []
            for (i, value) in awkward.enumerated() {
                let configuration = PointConfiguration(
                    alpha: value, beta: 1 + value, m: i % 2 == 0 ? nil : 1 << 40, n: i + 1, d: 1 << 20,
                    data: .dense, features: .relu, solver: .gd, ridge: value / 7,
                    tail: .realized, tolerance: i % 2 == 0 ? nil : value, extra: "step=\(value)")
                let result = PointResult(
                    loss: i == 0 ? .nan : value, lossObserved: i == 1 ? .infinity : value * 3,
                    lossTail: -value, lossStandardError: i % 2 == 0 ? nil : value,
                    observedCoordinates: Int.max - i, rank: i, seconds: value,
                    extras: ["x": value, "inf": .infinity, "minus_inf": -.infinity, "nan": .nan])
                let seeds: [UInt64] = [0, 1, UInt64.max, 1 << 63, 0xDEAD_BEEF_CAFE_F00D]
                points.append(StoredPoint(
                    configuration: configuration, seed: seeds[i % seeds.count], result: result,
                    toolVersion: "v\(i)", createdAt: Date(timeIntervalSince1970: 1_790_000_000.25 + Double(i))))
            }
            let store = try ResultsStore(path: path)
            #expect(try store.insert(contentsOf: points) == points.count)
            for point in points {
                let stored = try store.points(for: point.configuration)
                #expect(stored.count == 1)
                #expect(stored.first.map { sameRow($0, point) } == true)
                #expect(try store.contains(configuration: point.configuration, seed: point.seed))
                #expect(try store.existingSeeds(for: point.configuration) == [point.seed])
            }
            let fromFile = try ResultsStore(path: path).allPoints()
            #expect(fromFile.count == points.count)
            for point in points {
                #expect(fromFile.contains { sameRow($0, point) })
            }
        }
    }

    @Test("allPoints is ordered by key, then by seed as unsigned")
    func ordering() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            let seeds: [UInt64] = [UInt64.max, 5, 1 << 63, 0, (1 << 63) + 1]
            for i in [3, 1, 2] {
                for seed in seeds { try store.insert(samplePoint(i, seed: seed)) }
            }
            let all = try store.allPoints()
            let expected = [1, 2, 3].map { sampleConfiguration($0).key }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }.flatMap { key in seeds.sorted().map { (key, $0) } }
            #expect(all.map { $0.configuration.key } == expected.map(\.0))
            #expect(all.map(\.seed) == expected.map(\.1))
            #expect(try store.points(for: sampleConfiguration(2)).map(\.seed) == seeds.sorted())
        }
    }

    @Test("an absent configuration has no seeds and no points")
    func absent() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            try store.insert(samplePoint(1, seed: 1))
            #expect(try store.existingSeeds(for: sampleConfiguration(2)).isEmpty)
            #expect(try store.points(for: sampleConfiguration(2)).isEmpty)
            #expect(try !store.contains(configuration: sampleConfiguration(1), seed: 2))
            #expect(try store.count == 1)
        }
    }
}
