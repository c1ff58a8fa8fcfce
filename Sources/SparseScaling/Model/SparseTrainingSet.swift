import LinearAlgebra

/// D sparse training samples stored by their active entries, restricted to the observed set S
/// (coordinates active in at least one sample). This is X_S of docs/theory.md §3, never stored densely.
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
        let chunks = ParallelChunks.map(count: sampleCount, chunkSize: 8192, threads: threads) { range in
            var c = ColumnChunk()
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
        self.init(columns: chunks)
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
