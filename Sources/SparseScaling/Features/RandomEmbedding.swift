import LinearAlgebra

/// The frozen random-feature matrix W ∈ R^(N×M), W_ki ~ N(0, 1/N), with any column drawable on demand.
/// Column i of a model with N features is the first N entries of column i of a larger model, scaled.
public struct RandomEmbedding: Sendable {
    /// Number of features N.
    public let featureCount: Int
    /// The seed shared by data, embedding and teacher.
    public let seed: UInt64

    /// The embedding with `featureCount` rows under `seed`.
    public init(featureCount: Int, seed: UInt64) {
        self.featureCount = featureCount
        self.seed = seed
    }

    /// Writes column `index` (coordinate index, 1-based) into `buffer` of length N.
    public func fillColumn(_ index: Int, into buffer: UnsafeMutableBufferPointer<Double>) {
        var rng = RandomStream(seed: seed, purpose: .embedding, index: UInt64(index))
        precondition(buffer.count >= featureCount, "one entry per feature")
        guard featureCount > 0 else { return }
        rng.fillNormals(buffer.baseAddress!, count: featureCount, scale: 1 / Double(featureCount).squareRoot())
    }

    /// Column `index` as an array.
    public func column(_ index: Int) -> [Double] {
        var c = [Double](repeating: 0, count: featureCount)
        c.withUnsafeMutableBufferPointer { fillColumn(index, into: $0) }
        return c
    }

    /// The N × |indices| matrix of the given columns, drawn on up to `threads` threads.
    public func columns(_ indices: [Int], threads: Int = ParallelChunks.defaultThreads) -> Matrix {
        let n = featureCount
        var m = Matrix(rows: n, columns: indices.count)
        m.storage.withUnsafeMutableBufferPointer { buffer in
            let base = SendablePointer(buffer.baseAddress)
            _ = ParallelChunks.map(count: indices.count, chunkSize: 64, threads: threads) { range in
                for j in range {
                    let column = UnsafeMutableBufferPointer(start: base.pointer! + j * n, count: n)
                    fillColumn(indices[j], into: column)
                }
                return 0
            }
        }
        return m
    }
}
