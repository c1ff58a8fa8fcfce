import LinearAlgebra

/// B = W_S R (N × r) for a sparse factor R of A, produced a block of columns at a time and never held
/// whole: each block's embedding columns are regenerated from the counter-based stream of
/// `RandomEmbedding` when a pass needs them; only the hubs' columns W_H (N × h) are kept. A pass costs
/// N·K normals and N·(nnz(L) + nnz(V) + h·r_S) multiply-adds, and holds O(N·(h + width)) doubles.
/// The blocks equal the corresponding columns of `SparseSecondMomentFactor.embed(W_S)` exactly.
public struct EmbeddedFactorBlocks: ColumnBlocks, Sendable {
    /// The sparse factor R (K × r).
    public let factor: SparseSecondMomentFactor
    /// The observed coordinates S (position p of R's rows is coordinate observed[p]).
    public let observed: [Int]
    /// The embedding W whose columns on S are regenerated.
    public let embedding: RandomEmbedding
    /// Threads that draw the embedding columns and form a block.
    public let threads: Int
    /// W_H: the hubs' embedding columns (N × h).
    let hubEmbedding: Matrix
    /// Groups of consecutive factor blocks that make one column block: factor blocks groupStarts[g]..<groupStarts[g + 1].
    let groupStarts: [Int]

    /// Aims at blocks of about this many doubles (N × width).
    public static let targetBlockDoubles = 1 << 22

    /// The blocks of W_S R for `factor` on `observed`, with the columns of `embedding`.
    public init(factor: SparseSecondMomentFactor, observed: [Int], embedding: RandomEmbedding,
                threads: Int = ParallelChunks.defaultThreads) {
        precondition(observed.count == factor.observedCount, "one coordinate per row of the factor")
        self.factor = factor
        self.observed = observed
        self.embedding = embedding
        self.threads = threads
        self.hubEmbedding = embedding.columns(Array(observed[0..<factor.hubCount]), threads: threads)
        let width = max(64, Self.targetBlockDoubles / max(1, embedding.featureCount))
        var starts = [0]
        var columns = 0
        for b in factor.blockSizes.indices {
            columns += factor.blockRanks[b]
            if columns >= width {
                starts.append(b + 1)
                columns = 0
            }
        }
        if starts.last != factor.blockSizes.count { starts.append(factor.blockSizes.count) }
        self.groupStarts = starts
    }

    /// N.
    public var rows: Int { embedding.featureCount }

    /// r.
    public var columns: Int { factor.rank }

    /// The column blocks in order: one per group of factor blocks, then the hub columns W_H L_S.
    public func forEachBlock(_ body: (_ firstColumn: Int, _ block: Matrix) throws -> Void) rethrows {
        for g in 0..<(groupStarts.count - 1) {
            let (first, block) = groupBlock(groupStarts[g]..<groupStarts[g + 1])
            try body(first, block)
        }
        let hubColumns = factor.hubFactor.columns
        if hubColumns > 0 {
            try body(factor.columnOffsets[factor.blockSizes.count], BLAS.product(hubEmbedding, factor.hubFactor))
        }
    }

    /// The columns of factor blocks `blocks`: W_b L_b + W_{hubs of b} V_b for each block b.
    func groupBlock(_ blocks: Range<Int>) -> (first: Int, block: Matrix) {
        let n = rows, f = factor
        let firstColumn = f.columnOffsets[blocks.lowerBound]
        let width = f.columnOffsets[blocks.upperBound] - firstColumn
        let firstPosition = f.positionOffsets[blocks.lowerBound]
        let positions = f.blockPositions[firstPosition..<f.positionOffsets[blocks.upperBound]]
        let w = embedding.columns(positions.map { observed[Int($0)] }, threads: threads)
        var out = Matrix(rows: n, columns: width)
        let chunk = max(1, blocks.count / (8 * max(1, threads)))
        w.storage.withUnsafeBufferPointer { pw in
            hubEmbedding.storage.withUnsafeBufferPointer { ph in
                out.storage.withUnsafeMutableBufferPointer { po in
                    let wBase = SendablePointer(UnsafeMutablePointer(mutating: pw.baseAddress))
                    let hBase = SendablePointer(UnsafeMutablePointer(mutating: ph.baseAddress))
                    let oBase = SendablePointer(po.baseAddress)
                    _ = ParallelChunks.map(count: blocks.count, chunkSize: chunk, threads: threads) { range in
                        for blk in (range.lowerBound + blocks.lowerBound)..<(range.upperBound + blocks.lowerBound) {
                            Self.fill(block: blk, factor: f, n: n, local: wBase, firstPosition: firstPosition,
                                      hubs: hBase, out: oBase, firstColumn: firstColumn)
                        }
                        return 0
                    }
                }
            }
        }
        return (firstColumn, out)
    }

    /// Writes factor block `blk`'s columns into `out` (whose column 0 is R's column `firstColumn`).
    private static func fill(
        block blk: Int, factor f: SparseSecondMomentFactor, n: Int, local: SendablePointer, firstPosition: Int,
        hubs: SendablePointer, out: SendablePointer, firstColumn: Int
    ) {
        let pw = local.pointer!, ph = hubs.pointer!, po = out.pointer!
        let m = f.blockSizes[blk], hb = f.hubOffsets[blk + 1] - f.hubOffsets[blk]
        let pbase = f.positionOffsets[blk], fbase = f.factorOffsets[blk]
        let hbase = f.hubOffsets[blk], vbase = f.couplingOffsets[blk]
        for c in 0..<f.blockRanks[blk] {
            let column = po + (f.columnOffsets[blk] + c - firstColumn) * n
            for l in 0..<m {
                let value = f.factorValues[fbase + l + c * m]
                if value == 0 { continue }
                let wcol = pw + (pbase + l - firstPosition) * n
                for i in 0..<n { column[i] += value * wcol[i] }
            }
            for t in 0..<hb {
                let value = f.couplingValues[vbase + t + c * hb]
                if value == 0 { continue }
                let wcol = ph + Int(f.blockHubs[hbase + t]) * n
                for i in 0..<n { column[i] += value * wcol[i] }
            }
        }
    }
}
