import LinearAlgebra

/// B = W_S X (N × D) for sparse columns X on the observed coordinates (samples, or the sublinear
/// sampler's equivalent columns; X Xᵀ = A, so R = X is a factor of A and c = Xᵀ w*_S), produced a block
/// of columns at a time and never held whole. The embedding columns of the first `heldCount` observed
/// coordinates (the frequent ones) are kept; the others are regenerated from `RandomEmbedding`'s stream
/// at each entry that needs them. The factor for data whose co-activation graph has a giant component
/// (β near 1), where `SparseSecondMomentFactor` declines. A pass costs N·(entries beyond the held
/// columns) normals and N·nnz(X) multiply-adds, and holds O(N·(heldCount + width)) doubles.
public struct EmbeddedSampleBlocks: ColumnBlocks, Sendable {
    /// The sparse columns X (K × D).
    public let samples: SparseTrainingSet
    /// The embedding W whose columns on S are drawn.
    public let embedding: RandomEmbedding
    /// Threads that form a block.
    public let threads: Int
    /// Number of leading observed coordinates whose embedding columns are held.
    public let heldCount: Int
    /// Their columns (N × heldCount).
    let held: Matrix

    /// Aims at blocks of about this many doubles (N × width).
    public static let targetBlockDoubles = 1 << 22

    /// The held columns: at least 4N of them (or K), and as many as fit in 2²⁵ doubles (256 MiB).
    public static func heldCount(featureCount n: Int, observedCount k: Int) -> Int {
        min(k, max(4 * n, (1 << 25) / max(1, n)))
    }

    /// The blocks of W_S X for `samples`, with the columns of `embedding`; `heldCount` columns held
    /// (nil: `heldCount(featureCount:observedCount:)`).
    public init(
        samples: SparseTrainingSet, embedding: RandomEmbedding, heldCount: Int? = nil,
        threads: Int = ParallelChunks.defaultThreads
    ) {
        self.samples = samples
        self.embedding = embedding
        self.threads = threads
        let count = min(samples.observedCount, max(0, heldCount
            ?? Self.heldCount(featureCount: embedding.featureCount, observedCount: samples.observedCount)))
        self.heldCount = count
        self.held = embedding.columns(Array(samples.observed[0..<count]), threads: threads)
    }

    /// N.
    public var rows: Int { embedding.featureCount }

    /// D: the columns of X.
    public var columns: Int { samples.sampleCount }

    /// Xᵀ x for a vector `x` on the observed coordinates (c = Xᵀ w*_S: the labels of the columns).
    public func transposeTimes(_ x: [Double]) -> [Double] { samples.labels(weights: x) }

    /// The column blocks in order, each `targetBlockDoubles / N` columns wide (the last one shorter).
    public func forEachBlock(_ body: (_ firstColumn: Int, _ block: Matrix) throws -> Void) rethrows {
        let width = max(64, Self.targetBlockDoubles / max(1, rows))
        for first in stride(from: 0, to: columns, by: width) {
            try body(first, block(first..<min(columns, first + width)))
        }
    }

    /// Columns `range` of W_S X.
    func block(_ range: Range<Int>) -> Matrix {
        let n = rows
        var out = Matrix(rows: n, columns: range.count)
        let (offsets, positions, values) = (samples.offsets, samples.positions, samples.values)
        let observed = samples.observed, heldCount = self.heldCount, embedding = self.embedding
        held.storage.withUnsafeBufferPointer { ph in
            out.storage.withUnsafeMutableBufferPointer { po in
                let hBase = SendablePointer(UnsafeMutablePointer(mutating: ph.baseAddress))
                let oBase = SendablePointer(po.baseAddress)
                _ = ParallelChunks.map(count: range.count, chunkSize: 256, threads: threads) { chunk in
                    let heldColumns = hBase.pointer, output = oBase.pointer!
                    var scratch = [Double](repeating: 0, count: n)
                    for local in chunk {
                        let column = output + local * n
                        let d = range.lowerBound + local
                        for e in offsets[d]..<offsets[d + 1] {
                            let p = Int(positions[e]), value = values[e]
                            if p < heldCount {
                                let w = heldColumns! + p * n
                                for i in 0..<n { column[i] += value * w[i] }
                            } else {
                                scratch.withUnsafeMutableBufferPointer { w in
                                    embedding.fillColumn(observed[p], into: w)
                                    for i in 0..<n { column[i] += value * w[i] }
                                }
                            }
                        }
                    }
                    return 0
                }
            }
        }
        return out
    }
}
