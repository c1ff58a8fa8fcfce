import LinearAlgebra

/// D sparse training samples drawn by the `SublinearSampler`, kept as equivalent columns: X' with
/// X' X'ᵀ = A = X_S X_Sᵀ on the same observed set S, A and S having exactly the per-sample law. Its
/// columns are the D_T touched samples grouped by support (`TouchedSampleGroups`: a support's samples,
/// or the factor of their sum when they outnumber its coordinates) and, for the untouched ones, their hub
/// patterns' Wishart factors.
/// Anything that depends on the data only through A, S and D (the reduced solver, the population loss)
/// runs on `columns` unchanged, given D = `sampleCount`; per-sample quantities (labels of real samples,
/// SGD, ReLU features) are not available.
public struct SublinearTrainingSet: Sendable {
    /// Number of samples D.
    public let sampleCount: Int
    /// h: the hubs 1…h.
    public let hubCount: Int
    /// D_T: the samples with an active coordinate beyond the hubs.
    public let touchedCount: Int
    /// Number of hub patterns of the untouched samples with at least one sample.
    public let patternCount: Int
    /// Number of distinct supports among the touched samples (`TouchedSampleGroups`).
    public let supportCount: Int
    /// The equivalent columns X' (its `sampleCount` counts columns, not samples).
    public let columns: SparseTrainingSet

    /// Samples per block: block b's touched samples come from the stream (seed, touched data, b).
    public static let blockSize = 1 << 20

    /// Draws D = `sampleCount` samples with `sampler` on up to `threads` threads (bit-identical for any
    /// thread count).
    public init(sampler: SublinearSampler, sampleCount: Int, threads: Int = ParallelChunks.defaultThreads) {
        precondition(sampleCount >= 0)
        let blockSize = Self.blockSize
        let blocks = (sampleCount + blockSize - 1) / blockSize
        let q = sampler.touchProbability
        struct Block: Sendable {
            var columns = SparseTrainingSet.ColumnChunk()
            var touched = 0
        }
        // Blocks are drawn a wave at a time in parallel and folded, in block order, into the groups by
        // support: the touched samples are never all held at once.
        var groups = TouchedSampleGroups()
        var touched = 0
        let wave = 4 * max(1, threads)
        var first = 0
        while first < blocks {
            let count = min(wave, blocks - first)
            let start = first
            var drawn = ParallelChunks.map(count: count, chunkSize: 1, threads: threads) { range in
                var block = Block()
                for b in range.lowerBound + start..<range.upperBound + start {
                    let size = min(blockSize, sampleCount - b * blockSize)
                    var rng = RandomStream(seed: sampler.seed, purpose: .touchedData, index: UInt64(b))
                    let touched = rng.binomial(count: size, probability: q)
                    block.touched += touched
                    block.columns.counts.reserveCapacity(touched)
                    block.columns.indices.reserveCapacity(touched * 3)
                    block.columns.values.reserveCapacity(touched * 3)
                    for _ in 0..<touched {
                        let before = block.columns.indices.count
                        sampler.appendTouchedSample(&rng, indices: &block.columns.indices, values: &block.columns.values)
                        block.columns.counts.append(Int32(block.columns.indices.count - before))
                    }
                }
                return block
            }
            for b in drawn.indices {
                touched += drawn[b].touched
                groups.add(drawn[b].columns)
                drawn[b] = Block()
            }
            first += count
        }
        var rng = RandomStream(seed: sampler.seed, purpose: .hubPatterns, index: 0)
        let hub = HubPatternAccumulator(sampler).columns(count: sampleCount - touched, rng: &rng)
        self.supportCount = groups.groupCount
        let chunks: [SparseTrainingSet.ColumnChunk] = [
            groups.columns(), .init(counts: hub.counts, indices: hub.indices, values: hub.values),
        ]
        self.sampleCount = sampleCount
        self.hubCount = sampler.hubCount
        self.touchedCount = touched
        self.patternCount = hub.patterns
        self.columns = SparseTrainingSet(columns: chunks)
    }

    /// The observed coordinates S, ascending, 1-based.
    public var observed: [Int] { columns.observed }

    /// K = |S|.
    public var observedCount: Int { columns.observedCount }

    /// The K × K second-moment matrix A = X' X'ᵀ (= X_S X_Sᵀ in law).
    public func secondMoment() -> Matrix { columns.secondMoment() }
}
