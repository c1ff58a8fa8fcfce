import LinearAlgebra

/// A factor R (K × r) with R Rᵀ = A = X_S X_Sᵀ, built from the sparse samples without forming A or any
/// K × K matrix. The observed coordinates split into h "hubs" (the most frequent ones, 1…h, active in
/// most samples) and the rest, whose co-activation graph then falls apart into small connected
/// components. With the hubs ordered last, A = [[G, Cᵀ], [C, A_H]] and
///
///     R = [[L, 0], [V, L_S]],   G = L Lᵀ (L block diagonal, one block per component),
///     V = C (L⁺)ᵀ (sparse: a block's columns touch only the hubs co-active with it),
///     L_S L_Sᵀ = A_H − V Vᵀ (h × h, the Schur complement on the hubs, accumulated per component so
///     that components whose samples are spanned by their own coordinates contribute an exact zero).
///
/// B = W_S R and c = Rᵀ w*_S then cost O(N·(nnz(L) + nnz(V) + h²)) instead of O(N·K²).
/// Exactness: for any R with R Rᵀ = A, y F⁺ = c B⁺ (docs/theory.md §3), and B has the singular values of F.
/// The factor declines (the caller falls back to the dense factorization of A) when no hub count up
/// to `maximumHubCount` (and K/2) leaves every component within `maximumBlockSize` coordinates.
public struct SparseSecondMomentFactor: Sendable {
    /// Why the sparse factor was not built.
    public enum Declined: Error, Sendable, Equatable {
        /// With the largest hub count tried, `hubs`, a component still had `size` coordinates.
        case largeComponent(size: Int, hubs: Int)
        /// There are no observed coordinates.
        case empty
        /// LAPACK rejected the hubs' Schur complement (not expected for a semidefinite matrix).
        case hubFactorizationFailed
    }

    /// The outcome of an attempt: the factor, or why it was declined.
    public enum Outcome: Sendable {
        /// The sparse factor was built.
        case factored(SparseSecondMomentFactor)
        /// The sparse factor was declined; use the dense factorization of A.
        case declined(Declined)
    }

    /// K = |S|.
    public let observedCount: Int
    /// Number of columns r of R (its numerical rank).
    public let rank: Int
    /// Number of hubs h (observed coordinates ordered last and factored densely).
    public let hubCount: Int
    /// Number of connected components (blocks of L) among the other coordinates.
    public var blockCount: Int { blockSizes.count }
    /// Size of the largest block of L.
    public var largestBlock: Int { blockSizes.max() ?? 0 }

    // Positions are indices into `observed`; hubs are positions 0..<h, the rest h..<K.
    let blockSizes: [Int]          // m_b
    let blockRanks: [Int]          // r_b
    let blockPositions: [Int32]    // block b's positions, ascending, concatenated
    let positionOffsets: [Int]
    let blockHubs: [Int32]         // hubs co-active with block b, ascending, concatenated
    let hubOffsets: [Int]
    let factorValues: [Double]     // L_b (m_b × r_b, column-major)
    let factorOffsets: [Int]
    let couplingValues: [Double]   // V_b (h_b × r_b, column-major)
    let couplingOffsets: [Int]
    let columnOffsets: [Int]       // block b's columns of R start here; the hub columns at the end
    let hubFactor: Matrix          // L_S (h × r_S)

    /// Builds the factor of X_S X_Sᵀ for `samples` (`SparseMomentBlocks`, then the factor), or says
    /// why it declined. Deterministic: the result does not depend on the thread count.
    public static func factor(
        _ samples: SparseTrainingSet, maximumBlockSize: Int = 64, maximumHubCount: Int = 2048
    ) -> Outcome {
        do {
            let moment = try SparseMomentBlocks(samples, maximumBlockSize: maximumBlockSize, maximumHubCount: maximumHubCount)
            return .factored(try SparseSecondMomentFactor(moment))
        } catch {
            return .declined(error)
        }
    }

    /// The factor of the second moment gathered in `moment`. Directions whose pivots (after scaling
    /// to unit diagonal) fall below K·ε are dropped, as in `SecondMomentFactor`.
    public init(_ moment: SparseMomentBlocks) throws(Declined) {
        let k = moment.observedCount, h = moment.hubCount, sizes = moment.blockSizes
        let blockCount = sizes.count
        let blockHubs = moment.blockHubs, hubOffsets = moment.hubOffsets
        var schur = moment.freeHubMoment
        let hubDiagonal = moment.hubDiagonal
        // 1. Block by block: the factor L_b, V_b = C_b (L_b⁺)ᵀ, and the block's part of the Schur complement.
        let tolerance = Double(k) * Double.ulpOfOne
        var factorValues: [Double] = []
        factorValues.reserveCapacity(k)
        var factorOffsets = [Int](repeating: 0, count: blockCount + 1)
        var couplingValues: [Double] = []
        var couplingOffsets = [Int](repeating: 0, count: blockCount + 1)
        var columnOffsets = [Int](repeating: 0, count: blockCount + 2)
        var ranks = [Int](repeating: 0, count: blockCount)
        for b in 0..<blockCount {
            let m = sizes[b], hb = hubOffsets[b + 1] - hubOffsets[b]
            let c0 = moment.couplingInputOffsets[b], q0 = moment.hubGramOffsets[b]
            let cholesky = BlockCholesky(
                gram: Array(moment.gramValues[moment.gramOffsets[b]..<moment.gramOffsets[b + 1]]), size: m, tolerance: tolerance)
            let lower = cholesky.lower, scale = cholesky.scale, pivots = cholesky.pivots, r = cholesky.rank
            ranks[b] = r
            // V_bᵀ = L̂_b⁺ Δ⁻¹ C_bᵀ: forward substitution on the pivot rows (lower triangular in pivot order).
            let vStart = couplingValues.count
            couplingValues.append(contentsOf: repeatElement(0, count: hb * r))
            for t in 0..<hb {
                for j in 0..<r {
                    let pj = pivots[j]
                    var value = moment.couplingInput[c0 + pj + t * m] / scale[pj]
                    for c in 0..<j { value -= lower[pj + c * m] * couplingValues[vStart + t + c * hb] }
                    couplingValues[vStart + t + j * hb] = value / lower[pj + j * m]
                }
            }
            // L_b = Δ L̂_b.
            for c in 0..<r {
                for i in 0..<m { factorValues.append(lower[i + c * m] * scale[i]) }
            }
            // This block's part of the Schur complement, X_H|_b (I − P_b) X_H|_bᵀ = A_H|_b − V_b V_bᵀ.
            // When the block's rank equals its sample count, P_b = I and the part is exactly zero (this
            // is what keeps D < K, where the hubs lie in the span of the other coordinates, accurate).
            if r < moment.blockSampleCounts[b] {
                for t2 in 0..<hb {
                    let q2 = Int(blockHubs[hubOffsets[b] + t2])
                    for t1 in 0..<hb {
                        var sum = moment.hubGramValues[q0 + t1 + t2 * hb]
                        for c in 0..<r { sum -= couplingValues[vStart + t1 + c * hb] * couplingValues[vStart + t2 + c * hb] }
                        schur[Int(blockHubs[hubOffsets[b] + t1]), q2] += sum
                    }
                }
            }
            factorOffsets[b + 1] = factorValues.count
            couplingOffsets[b + 1] = couplingValues.count
            columnOffsets[b + 1] = columnOffsets[b] + r
        }

        // 2. The Schur complement on the hubs, scaled by A_H's diagonal, pivoted Cholesky.
        let hubScale = hubDiagonal.map { $0 > 0 ? $0.squareRoot() : 1 }
        for j in 0..<h {
            for i in 0..<h { schur[i, j] /= hubScale[i] * hubScale[j] }
        }
        let hubTolerance = tolerance
        var hubFactor: Matrix
        do {
            hubFactor = try BLAS.withThreadsFor(flops: Double(h * h * h) / 3) {
                try PivotedCholesky(schur, tolerance: hubTolerance).factor
            }
        } catch {
            throw .hubFactorizationFailed
        }
        for j in 0..<hubFactor.columns {
            for i in 0..<h { hubFactor[i, j] *= hubScale[i] }
        }
        columnOffsets[blockCount + 1] = columnOffsets[blockCount] + hubFactor.columns

        self.observedCount = k
        self.hubCount = h
        self.rank = columnOffsets[blockCount + 1]
        self.blockSizes = sizes
        self.blockRanks = ranks
        self.blockPositions = moment.blockPositions
        self.positionOffsets = moment.positionOffsets
        self.blockHubs = blockHubs
        self.hubOffsets = hubOffsets
        self.factorValues = factorValues
        self.factorOffsets = factorOffsets
        self.couplingValues = couplingValues
        self.couplingOffsets = couplingOffsets
        self.columnOffsets = columnOffsets
        self.hubFactor = hubFactor
    }

    /// B = W R (N × r) for embedding columns `w` (N × K) on the observed coordinates.
    public func embed(_ w: Matrix) -> Matrix {
        precondition(w.columns == observedCount, "one embedding column per observed coordinate")
        let n = w.rows, h = hubCount
        var b = Matrix(rows: n, columns: rank)
        w.storage.withUnsafeBufferPointer { pw in
            b.storage.withUnsafeMutableBufferPointer { pb in
                // Block b's columns: W_b L_b + W_{hubs of b} V_b.
                for blk in blockSizes.indices {
                    let m = blockSizes[blk], hb = hubOffsets[blk + 1] - hubOffsets[blk]
                    let pbase = positionOffsets[blk], fbase = factorOffsets[blk]
                    let hbase = hubOffsets[blk], vbase = couplingOffsets[blk]
                    for c in 0..<blockRanks[blk] {
                        let column = (columnOffsets[blk] + c) * n
                        for l in 0..<m {
                            let value = factorValues[fbase + l + c * m]
                            if value == 0 { continue }
                            let wcol = Int(blockPositions[pbase + l]) * n
                            for i in 0..<n { pb[column + i] += value * pw[wcol + i] }
                        }
                        for t in 0..<hb {
                            let value = couplingValues[vbase + t + c * hb]
                            if value == 0 { continue }
                            let wcol = Int(blockHubs[hbase + t]) * n
                            for i in 0..<n { pb[column + i] += value * pw[wcol + i] }
                        }
                    }
                }
            }
        }
        // Hub columns: W_H L_S (the first h columns of W are the hubs').
        if hubFactor.columns > 0 {
            let wh = Matrix(rows: n, columns: h, columnMajor: Array(w.storage[0..<(n * h)]))
            let product = BLAS.product(wh, hubFactor)
            let start = columnOffsets[blockSizes.count] * n
            b.storage.replaceSubrange(start..<(start + product.storage.count), with: product.storage)
        }
        return b
    }

    /// c = Rᵀ x (length r) for a vector `x` on the observed coordinates (the teacher weights w*_S).
    public func transposeTimes(_ x: [Double]) -> [Double] {
        precondition(x.count == observedCount, "one entry per observed coordinate")
        var c = [Double](repeating: 0, count: rank)
        for blk in blockSizes.indices {
            let m = blockSizes[blk], hb = hubOffsets[blk + 1] - hubOffsets[blk]
            let pbase = positionOffsets[blk], fbase = factorOffsets[blk]
            let hbase = hubOffsets[blk], vbase = couplingOffsets[blk]
            for col in 0..<blockRanks[blk] {
                var q = 0.0
                for l in 0..<m { q += factorValues[fbase + l + col * m] * x[Int(blockPositions[pbase + l])] }
                for t in 0..<hb { q += couplingValues[vbase + t + col * hb] * x[Int(blockHubs[hbase + t])] }
                c[columnOffsets[blk] + col] = q
            }
        }
        let start = columnOffsets[blockSizes.count]
        for col in 0..<hubFactor.columns {
            var q = 0.0
            for i in 0..<hubCount { q += hubFactor[i, col] * x[i] }
            c[start + col] = q
        }
        return c
    }

    /// R itself as a dense K × r matrix (for tests and small instances).
    public func dense() -> Matrix {
        embed(Matrix.identity(observedCount))
    }
}
