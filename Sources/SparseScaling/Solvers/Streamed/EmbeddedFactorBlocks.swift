import LinearAlgebra

/// B = W_S R (N × r) for a sparse factor R of A, produced a block of columns at a time and never held
/// whole: each block's embedding columns are regenerated from the counter-based stream of
/// `RandomEmbedding` when a pass needs them; only the hubs' columns W_H (N × h) are kept. A pass costs
/// N·K normals and N·(nnz(L) + nnz(V) + h·r_S) multiply-adds, and holds O(N·(h + width)) doubles.
/// The blocks equal the corresponding columns of `SparseSecondMomentFactor.embed(W_S)` exactly.
public struct EmbeddedFactorBlocks: ProjectingColumnBlocks, Sendable {
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

    /// K: the columns of W_S.
    public var sourceColumns: Int { factor.observedCount }

    /// The column blocks in order: one per group of factor blocks, then the hub columns W_H L_S.
    public func forEachBlock(_ body: (_ firstColumn: Int, _ block: Matrix) throws -> Void) rethrows {
        _ = try forEachBlock(projecting: nil, body)
    }

    /// The column blocks, and uᵀW_S (one entry per observed position) from the regenerated columns.
    public func forEachBlock(
        projecting u: [Double], _ body: (_ firstColumn: Int, _ block: Matrix) throws -> Void
    ) rethrows -> [Double] {
        try forEachBlock(projecting: Optional(u), body)!
    }

    /// The blocks (each group's storage reused for the next group), projecting `u` if given.
    private func forEachBlock(
        projecting u: [Double]?, _ body: (_ firstColumn: Int, _ block: Matrix) throws -> Void
    ) rethrows -> [Double]? {
        var projection = u.map { _ in [Double](repeating: 0, count: factor.observedCount) }
        var storage: [Double] = []
        for g in 0..<(groupStarts.count - 1) {
            var block = groupBlock(groupStarts[g]..<groupStarts[g + 1], storage: &storage, projecting: u, into: &projection)
            try body(factor.columnOffsets[groupStarts[g]], block)
            swap(&storage, &block.storage)
        }
        if let u, factor.hubCount > 0 {
            let n = rows
            hubEmbedding.storage.withUnsafeBufferPointer { ph in
                for p in 0..<factor.hubCount { projection![p] = BLAS.dot(count: n, ph.baseAddress! + p * n, u) }
            }
        }
        let hubColumns = factor.hubFactor.columns
        if hubColumns > 0 {
            try body(factor.columnOffsets[factor.blockSizes.count], BLAS.product(hubEmbedding, factor.hubFactor))
        }
        return projection
    }

    /// The columns of factor blocks `blocks` (W_b L_b + W_{hubs of b} V_b for each block b) over
    /// `storage` (resized, its old contents overwritten); with `u`, uᵀW_b into `projection` at b's positions.
    func groupBlock(
        _ blocks: Range<Int>, storage: inout [Double], projecting u: [Double]?, into projection: inout [Double]?
    ) -> Matrix {
        let n = rows, f = factor, embedding = self.embedding, observed = self.observed
        let firstColumn = f.columnOffsets[blocks.lowerBound]
        let width = f.columnOffsets[blocks.upperBound] - firstColumn
        let count = n * width
        if storage.count > count {
            storage.removeLast(storage.count - count)
        } else if storage.count < count {
            storage.append(contentsOf: repeatElement(0, count: count - storage.count))
        }
        let chunk = max(1, blocks.count / (8 * max(1, threads)))
        let source = u ?? []
        var projected = projection ?? []
        hubEmbedding.storage.withUnsafeBufferPointer { ph in
            storage.withUnsafeMutableBufferPointer { po in
                source.withUnsafeBufferPointer { pu in
                    projected.withUnsafeMutableBufferPointer { pp in
                        let hBase = SendablePointer(UnsafeMutablePointer(mutating: ph.baseAddress))
                        let oBase = SendablePointer(po.baseAddress)
                        let uBase = SendablePointer(u == nil ? nil : UnsafeMutablePointer(mutating: pu.baseAddress))
                        let pBase = SendablePointer(u == nil ? nil : pp.baseAddress)
                        _ = ParallelChunks.map(count: blocks.count, chunkSize: chunk, threads: threads) { range in
                            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: n)
                            defer { scratch.deallocate() }
                            for blk in (range.lowerBound + blocks.lowerBound)..<(range.upperBound + blocks.lowerBound) {
                                Self.fill(block: blk, factor: f, n: n, embedding: embedding, observed: observed,
                                          scratch: scratch, hubs: hBase, out: oBase, firstColumn: firstColumn,
                                          projecting: uBase, into: pBase)
                            }
                            return 0
                        }
                    }
                }
            }
        }
        if u != nil { projection = projected }
        return Matrix(rows: n, columns: width, columnMajor: storage.take())
    }

    /// Writes factor block `blk`'s columns into `out` (whose column 0 is R's column `firstColumn`),
    /// drawing each of its embedding columns once into `scratch`; with `u`, its projections into `projection`.
    /// Each column sums its terms in the order of `SparseSecondMomentFactor.embed`.
    private static func fill(
        block blk: Int, factor f: SparseSecondMomentFactor, n: Int, embedding: RandomEmbedding, observed: [Int],
        scratch: UnsafeMutablePointer<Double>, hubs: SendablePointer, out: SendablePointer, firstColumn: Int,
        projecting u: SendablePointer, into projection: SendablePointer
    ) {
        let ph = hubs.pointer!, po = out.pointer!
        let m = f.blockSizes[blk], hb = f.hubOffsets[blk + 1] - f.hubOffsets[blk], rb = f.blockRanks[blk]
        let pbase = f.positionOffsets[blk], fbase = f.factorOffsets[blk]
        let hbase = f.hubOffsets[blk], vbase = f.couplingOffsets[blk]
        let columns = po + (f.columnOffsets[blk] - firstColumn) * n
        columns.update(repeating: 0, count: rb * n)
        for l in 0..<m {
            let position = Int(f.blockPositions[pbase + l])
            embedding.fillColumn(observed[position], into: UnsafeMutableBufferPointer(start: scratch, count: n))
            if let pu = u.pointer { projection.pointer![position] = BLAS.dot(count: n, scratch, pu) }
            for c in 0..<rb {
                let value = f.factorValues[fbase + l + c * m]
                if value == 0 { continue }
                let column = columns + c * n
                for i in 0..<n { column[i] += value * scratch[i] }
            }
        }
        for c in 0..<rb {
            let column = columns + c * n
            for t in 0..<hb {
                let value = f.couplingValues[vbase + t + c * hb]
                if value == 0 { continue }
                let wcol = ph + Int(f.blockHubs[hbase + t]) * n
                for i in 0..<n { column[i] += value * wcol[i] }
            }
        }
    }
}

extension Array {
    /// The array, leaving an empty one in its place (its storage moves without a copy).
    fileprivate mutating func take() -> [Element] {
        var taken: [Element] = []
        swap(&self, &taken)
        return taken
    }
}
