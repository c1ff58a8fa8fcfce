import Foundation
@testable import ResultsStore

/// A fresh temporary folder, removed when the test's body returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("ResultsStoreTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// A configuration whose fields vary with `i`.
func sampleConfiguration(_ i: Int) -> PointConfiguration {
    PointConfiguration(
        alpha: 0.1 * Double(i % 5) + 0.3, beta: 1.0 / 3.0 + Double(i % 3), m: i % 4 == 0 ? nil : 1000 * i,
        n: 16 << (i % 6), d: 32 << (i % 4),
        data: i % 2 == 0 ? .sparse : .dense, features: i % 3 == 0 ? .relu : .linear,
        solver: i % 2 == 0 ? .reduced : .gd, ridge: i % 5 == 0 ? 0 : 1e-6 * Double(i),
        tail: i % 2 == 0 ? .expected : .realized, tolerance: i % 3 == 0 ? nil : 1e-12,
        extra: i % 2 == 0 ? "" : PointConfiguration.canonicalExtra(["step": 0.01, "iterations": Double(i)]))
}

/// A result whose fields vary with `i`.
func sampleResult(_ i: Int) -> PointResult {
    PointResult(
        loss: 0.1 + Double(i) * 0.2, lossObserved: 0.1, lossTail: Double(i) * 0.2,
        lossStandardError: i % 2 == 0 ? nil : 1e-3 / Double(i + 1),
        observedCoordinates: 10 * i, rank: 5 * i, seconds: 0.25 * Double(i),
        extras: i % 2 == 0 ? [:] : ["condition": 1e8 * Double(i), "gd_steps": 100])
}

/// A row for configuration `i` and the given seed.
func samplePoint(_ i: Int, seed: UInt64) -> StoredPoint {
    StoredPoint(
        configuration: sampleConfiguration(i), seed: seed, result: sampleResult(i),
        toolVersion: "0.1.0-test", createdAt: Date(timeIntervalSince1970: 1_790_000_000.5))
}

/// `count` rows: configurations 0..<configurations, seeds 0..<seeds.
func samplePoints(configurations: Int, seeds: Int) -> [StoredPoint] {
    (0..<configurations).flatMap { i in (0..<seeds).map { samplePoint(i, seed: UInt64($0)) } }
}

/// Bitwise equality of doubles (NaN equals NaN, -0 differs from +0).
func sameBits(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern }

/// Bitwise equality of optional doubles.
func sameBits(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): sameBits(x, y)
    default: false
    }
}

/// Whether two stored points agree field by field, doubles bitwise, `createdAt` to the millisecond.
func sameRow(_ a: StoredPoint, _ b: StoredPoint) -> Bool {
    let (c, d) = (a.configuration, b.configuration)
    let (r, s) = (a.result, b.result)
    return sameBits(c.alpha, d.alpha) && sameBits(c.beta, d.beta) && c.m == d.m && c.n == d.n && c.d == d.d
        && c.data == d.data && c.features == d.features && c.solver == d.solver && sameBits(c.ridge, d.ridge)
        && c.tail == d.tail && sameBits(c.tolerance, d.tolerance) && c.extra == d.extra
        && a.seed == b.seed && a.toolVersion == b.toolVersion
        && abs(a.createdAt.timeIntervalSince(b.createdAt)) < 0.001
        && sameBits(r.loss, s.loss) && sameBits(r.lossObserved, s.lossObserved) && sameBits(r.lossTail, s.lossTail)
        && sameBits(r.lossStandardError, s.lossStandardError) && r.observedCoordinates == s.observedCoordinates
        && r.rank == s.rank && sameBits(r.seconds, s.seconds)
        && r.extras.count == s.extras.count
        && r.extras.allSatisfy { key, value in s.extras[key].map { sameBits($0, value) } ?? false }
}
