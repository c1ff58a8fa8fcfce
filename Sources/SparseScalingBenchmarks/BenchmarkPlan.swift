import Foundation
import SparseScaling

/// The sizes the bench measures: the full set, or a shorter quick one.
package struct BenchmarkPlan: Sendable {
    /// (N, D, M) instances solved by both the reduced and the direct solver.
    package var comparisons: [(n: Int, d: Int, m: Int)]
    /// Fixed N of the D sweep, and its D values.
    package var dSweepFeatures: Int
    /// D values of the D sweep (powers of two).
    package var dSweep: [Int]
    /// Fixed D of the N sweep.
    package var nSweepSamples: Int
    /// N values of the N sweep.
    package var nSweep: [Int]
    /// The point whose phases give the kernel GFLOP/s (and the large-D target).
    package var kernelPoint: (n: Int, d: Int)
    /// The small-point target (N, D) at M = ∞.
    package var smallPoint: (n: Int, d: Int)
    /// (N, D, M) of the dense-data and ReLU rows against NumPy.
    package var numpyPoint: (n: Int, d: Int, m: Int)
    /// (N, D) of the 1-thread vs all-threads data-stream comparison.
    package var streamPoint: (n: Int, d: Int)
    /// D and the number of plain replicates of the GD-failure throughput row.
    package var gdFailure: (d: Int, replicates: Int)
    /// Square size of the dgemm peak measurement.
    package var dgemmSize: Int
    /// How many of the largest sweep points the growth fits use.
    package var fitTail: Int
    /// D values of the estimator comparison (N = 4D, model-rich), the largest D at which the default
    /// estimator also runs (its embedding is N × K, 8·N·K bytes: 2.3 GiB per seed at D = 2^17; above it its
    /// CPU time per seed is out of reach of a shared 2-core machine), and the
    /// seeds per D (the conditional estimator runs all of them at every D).
    package var estimatorSweep: [Int] = (8...20).map { 1 << $0 }
    package var estimatorSampleLimit: Int = 1 << 17
    package var estimatorSeeds: Int = 64
    /// The fewest seeds of the default estimator at each D (its ratio's uncertainty is its seeds').
    package var estimatorMinimumSampleSeeds: Int = 16
    /// Wall-clock budget (seconds) of the default estimator at each D: no new round of seeds starts after
    /// it once `estimatorMinimumSampleSeeds` are done (SE·√t does not depend on the seed count; the
    /// paired z uses the seeds both ran).
    package var estimatorBudgetSeconds: Double? = 60
    /// Memory (bytes, by `MemoryEstimate`) the default estimator's concurrent seeds may use together:
    /// fewer seeds run at once where one per thread would pass it (the physical memory: the estimate is
    /// 3–4× the measured peak at N = 4D, D = 2^16…2^17).
    package var estimatorMemoryBytes = Double(ProcessInfo.processInfo.physicalMemory)
    /// Memory (bytes) a single point job may need by its estimate: a point over it is not run, and its row
    /// says why (the command line sets it to the --max-memory default).
    package var pointMemoryBytes = Double(ProcessInfo.processInfo.physicalMemory)
    /// When set, the default estimator starts no D after this time and no round of seeds after it once
    /// a few are done (the rows say so): a long comparison on a loaded machine ends on time.
    package var estimatorDeadline: Date? = nil
    /// (N, D) of the whole point under both samplers, side by side.
    package var samplerComparison: (n: Int, d: Int)
    /// D values of the sublinear-only points at the same N (the growth of the whole point's time).
    package var sublinearSweep: [Int]
    /// (N, D, β) of the near-β = 1 point (K ≫ N, a giant co-activation component) under both samplers, or nil.
    package var nearOnePoint: (n: Int, d: Int, beta: Double)? = nil
    /// N, D values and seeds per sampler of the loss-agreement rows.
    package var agreementFeatures: Int, agreementSizes: [Int], agreementSeeds: Int
    /// Measure only the sampler rows.
    package var samplersOnly = false
    /// Of the sampler rows, measure only the speed ones (both samplers side by side, the draw rates).
    package var samplerSpeedOnly = false
    /// Samples D of the per-sample sampler's rate (ns per sample).
    package var perSampleRateCount = 1 << 22
    /// α and β of every sparse row.
    package var alpha = 0.0, beta = 2.0

    /// The full plan: the sizes at which the performance targets are stated.
    package static let full = BenchmarkPlan(
        comparisons: [(256, 2048, 2048), (1024, 8192, 8192), (1024, 16384, 16384)],
        dSweepFeatures: 1024, dSweep: (10...24).map { 1 << $0 },
        nSweepSamples: 1 << 20, nSweep: (7...12).map { 1 << $0 },
        kernelPoint: (2048, 10_000_000), smallPoint: (1024, 16384), numpyPoint: (1024, 2048, 8192),
        streamPoint: (256, 1 << 22), gdFailure: (10_000, 50_000), dgemmSize: 3072, fitTail: 5,
        samplerComparison: (2048, 100_000_000),
        sublinearSweep: [1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000],
        nearOnePoint: (1024, 10_000_000, 1.2),
        agreementFeatures: 64, agreementSizes: [100_000, 1_000_000], agreementSeeds: 256)

    /// A plan that runs in well under a minute.
    package static let quick = BenchmarkPlan(
        comparisons: [(256, 2048, 2048), (1024, 8192, 8192)],
        dSweepFeatures: 256, dSweep: (10...18).map { 1 << $0 },
        nSweepSamples: 1 << 16, nSweep: (6...10).map { 1 << $0 },
        kernelPoint: (1024, 1 << 20), smallPoint: (1024, 16384), numpyPoint: (512, 1024, 4096),
        streamPoint: (256, 1 << 19), gdFailure: (10_000, 10_000), dgemmSize: 2048, fitTail: 4,
        estimatorSweep: [1 << 8, 1 << 10, 1 << 12, 1 << 14], estimatorSampleLimit: 1 << 12,
        samplerComparison: (256, 1 << 22), sublinearSweep: [1 << 20, 1 << 22, 1 << 24], nearOnePoint: (256, 100_000, 1.2),
        agreementFeatures: 32, agreementSizes: [10_000], agreementSeeds: 64)
}
