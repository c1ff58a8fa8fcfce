import LinearAlgebra

/// D sparse training samples stored by their active entries, restricted to the observed set S
/// (coordinates active in at least one sample). This is X_S of MODEL.md §3, never stored densely.
public struct SparseTrainingSet: Sendable {
    /// Number of samples D.
    public let sampleCount: Int
    /// The observed coordinates S, ascending, 1-based.
    public let observed: [Int]
    /// Sample d's entries are `positions[offsets[d]..<offsets[d+1]]` (indices into `observed`).
    public let offsets: [Int]
    /// Position in `observed` of each stored entry.
    public let positions: [Int32]
    /// Value of each stored entry.
    public let values: [Double]

    /// Number of observed coordinates K = |S|.
    public var observedCount: Int { observed.count }

    /// Draws D samples with `sampler` on up to `threads` threads (bit-identical for any thread count).
    public init(sampler: SparseSampler, sampleCount: Int, threads: Int = ParallelChunks.defaultThreads) {
        struct Chunk: Sendable {
            var counts: [Int32] = []
            var indices: [Int] = []
            var values: [Double] = []
        }
        var chunks = ParallelChunks.map(count: sampleCount, chunkSize: 8192, threads: threads) { range in
            var c = Chunk()
            c.counts.reserveCapacity(range.count)
            c.indices.reserveCapacity(range.count * 2)
            c.values.reserveCapacity(range.count * 2)
            for d in range {
                let before = c.indices.count
                sampler.appendSample(d, indices: &c.indices, values: &c.values)
                c.counts.append(Int32(c.indices.count - before))
            }
            return c
        }
        let total = chunks.reduce(0) { $0 + $1.indices.count }
        // The observed set: small indices through a bitmap (at most 4 slots per entry), large ones through a set.
        let largestIndex = chunks.map { $0.indices.max() ?? 0 }.max() ?? 0
        let smallLimit = min(1 << 22, largestIndex + 1, max(1 << 12, 4 * total))
        var seenSmall = [Bool](repeating: false, count: smallLimit)
        var seenLarge = Set<Int>()
        for chunk in chunks {
            for i in chunk.indices {
                if i < smallLimit { seenSmall[i] = true } else { seenLarge.insert(i) }
            }
        }
        var observed: [Int] = []
        for i in 1..<max(1, smallLimit) where seenSmall[i] { observed.append(i) }
        observed.append(contentsOf: seenLarge.sorted())
        seenSmall = []
        var smallPosition = [Int32](repeating: -1, count: smallLimit)
        var largePosition: [Int: Int32] = [:]
        for (p, i) in observed.enumerated() {
            if i < smallLimit { smallPosition[i] = Int32(p) } else { largePosition[i] = Int32(p) }
        }
        // Move the chunks into the flat arrays one at a time, releasing each chunk once copied, so
        // that the samples are held about once (not twice) at the peak.
        var offsets = [Int](repeating: 0, count: sampleCount + 1)
        var positions: [Int32] = []
        var values: [Double] = []
        positions.reserveCapacity(total)
        values.reserveCapacity(total)
        var d = 0
        var e = 0
        for c in chunks.indices {
            let chunk = chunks[c]
            chunks[c] = Chunk()
            var k = 0
            for count in chunk.counts {
                offsets[d] = e
                for _ in 0..<Int(count) {
                    let i = chunk.indices[k]
                    positions.append(i < smallLimit ? smallPosition[i] : largePosition[i]!)
                    k += 1
                    e += 1
                }
                d += 1
            }
            values.append(contentsOf: chunk.values)
        }
        offsets[sampleCount] = e
        self.sampleCount = sampleCount
        self.observed = observed
        self.offsets = offsets
        self.positions = positions
        self.values = values
    }

    /// The K × K second-moment matrix A = X_S X_Sᵀ, accumulated from each sample's active entries.
    public func secondMoment() -> Matrix {
        let k = observedCount
        var a = Matrix(rows: k, columns: k)
        a.storage.withUnsafeMutableBufferPointer { pa in
            for d in 0..<sampleCount {
                let lo = offsets[d], hi = offsets[d + 1]
                for e1 in lo..<hi {
                    let p1 = Int(positions[e1]), v1 = values[e1]
                    for e2 in lo..<hi {
                        pa[p1 + Int(positions[e2]) * k] += v1 * values[e2]
                    }
                }
            }
        }
        return a
    }

    /// The labels y_d = Σ_{i ∈ S} w_i x_{d,i} for teacher weights `weights` on the observed coordinates.
    public func labels(weights: [Double]) -> [Double] {
        precondition(weights.count == observedCount)
        return (0..<sampleCount).map { d in
            var y = 0.0
            for e in offsets[d]..<offsets[d + 1] { y += weights[Int(positions[e])] * values[e] }
            return y
        }
    }

    /// The dense K × D matrix X_S (for the direct solver, export and tests on small instances).
    public func denseObserved() -> Matrix {
        var x = Matrix(rows: observedCount, columns: sampleCount)
        for d in 0..<sampleCount {
            for e in offsets[d]..<offsets[d + 1] { x[Int(positions[e]), d] = values[e] }
        }
        return x
    }

    /// Number of stored entries (active coordinates over all samples).
    public var entryCount: Int { values.count }
}

extension SparseTrainingSet {
    /// The dense M × D matrix X over all coordinates 1…M (the paper's representation).
    public func denseFull(inputDimension m: Int) -> Matrix {
        var x = Matrix(rows: m, columns: sampleCount)
        for d in 0..<sampleCount {
            for e in offsets[d]..<offsets[d + 1] { x[observed[Int(positions[e])] - 1, d] = values[e] }
        }
        return x
    }
}
