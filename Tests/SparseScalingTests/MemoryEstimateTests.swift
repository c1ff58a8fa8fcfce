import Testing
@testable import SparseScaling

/// The memory estimate must be an upper bound of the real peak, without being absurdly loose.
///
/// Measured peak RSS (`/usr/bin/time -v sparse-scaling point …`, debug build, Linux x86_64, OpenBLAS)
/// against the estimate (baseline 96 MiB + 1.25 × arrays):
///
/// | command                                              | peak RSS | estimate  |
/// |------------------------------------------------------|---------:|----------:|
/// | point --n 8 --d 16                                   |   30 MiB |  121 MiB  |
/// | point --n 3000 --d 1000000                           |  352 MiB |  750 MiB  |
/// | point --n 6000 --d 100000 --beta 1.8                 |  316 MiB |  612 MiB  |
/// | point --n 500 --d 2000 --solver direct --m 4000      |  140 MiB |  237 MiB  |
/// | point --n 4000 --d 6000 --data dense --m 4000        | 1319 MiB | 2253 MiB  |
/// | point --n 2500 --d 5000 --beta 0.6 --m 5000          | 1027 MiB | 1434 MiB  |
/// | sweep --n 1000,2000 --d 1e5,2e5 --seeds 2 --threads 2|  215 MiB |  475 MiB  |
///
/// The tightest case (β ≤ 1, K ≈ M: the K×K factorization dominates) is 1.4× the measurement.
@Suite("Memory estimate")
struct MemoryEstimateTests {
    struct Measured: Sendable, CustomTestStringConvertible {
        let n: Int, d: Int, beta: Double, m: Int?, data: DataKind, solver: SolverKind, peakMiB: Double
        var testDescription: String { "N=\(n) D=\(d) β=\(beta) M=\(m.map(String.init) ?? "inf") \(data) \(solver)" }
    }

    static let measured: [Measured] = [
        Measured(n: 8, d: 16, beta: 2, m: nil, data: .sparse, solver: .reduced, peakMiB: 30),
        Measured(n: 3000, d: 1_000_000, beta: 2, m: nil, data: .sparse, solver: .reduced, peakMiB: 352),
        Measured(n: 6000, d: 100_000, beta: 1.8, m: nil, data: .sparse, solver: .reduced, peakMiB: 316),
        Measured(n: 500, d: 2000, beta: 2, m: 4000, data: .sparse, solver: .direct, peakMiB: 140),
        Measured(n: 4000, d: 6000, beta: 2, m: 4000, data: .dense, solver: .direct, peakMiB: 1319),
        Measured(n: 2500, d: 5000, beta: 0.6, m: 5000, data: .sparse, solver: .reduced, peakMiB: 1027),
    ]

    @Test("is above the measured peak and within 5× of it", arguments: measured)
    func bound(_ c: Measured) throws {
        let parameters = try DataParameters(alpha: 0, beta: c.beta, inputDimension: c.m.map { .finite($0) } ?? .infinite)
        let spec = PointSpecification(parameters: parameters, featureCount: c.n, sampleCount: c.d, data: c.data, solver: c.solver)
        let estimate = MemoryEstimate(point: spec).bytes / 1_048_576
        #expect(estimate >= c.peakMiB)
        #expect(estimate <= 5 * c.peakMiB)
    }

    @Test("a sweep counts the largest points once per thread")
    func concurrency() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let points = [1000, 2000].flatMap { n in
            [100_000, 200_000].map { PointSpecification(parameters: parameters, featureCount: n, sampleCount: $0) }
        }
        let one = MemoryEstimate(points: points, concurrency: 1).bytes
        let two = MemoryEstimate(points: points, concurrency: 2).bytes
        #expect(two > one && two < 2 * one)
        #expect(two / 1_048_576 >= 215)  // measured peak of that sweep with --threads 2
    }

    @Test("impossible sizes give a finite refusal, not an overflow")
    func huge() throws {
        let spec = PointSpecification(parameters: try DataParameters(alpha: 0, beta: 2), featureCount: 1 << 40, sampleCount: 1 << 50)
        let estimate = MemoryEstimate(point: spec)
        #expect(estimate.bytes > 1e18)
        #expect(throws: MemoryLimitExceeded.self) { try estimate.check(limit: 64 * 1_073_741_824, job: "test") }
        #expect(MemoryEstimate.expectedActivePerSample(try DataParameters(alpha: 0, beta: 2)) > 1.64)
    }
}
