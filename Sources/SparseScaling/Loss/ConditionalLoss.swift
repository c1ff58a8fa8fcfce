import LinearAlgebra

/// The parts of E[L | data] (docs/theory.md §6.1) for one sparse training set, without an embedding or a
/// readout: the rank r of A = X_S X_Sᵀ, the null-direction mass G₀ = Σ_{i∈S} λ_i (1 − P_ii) (P the
/// projector onto range A) and the unobserved mass T = Σ_{i∉S} λ_i. For N ≥ r + 2,
/// E[L | data] = (T + G₀)(N − 1)/(N − 1 − r) exactly.
///
/// r is the reduced solver's rank (pivoted Cholesky, pivots below K·ε of the unit-diagonal scaling
/// dropped). P's diagonal comes from the sparse factor's blocks: when the hubs' Schur complement has
/// full rank, null(A) is the direct sum of the blocks' null spaces, so each block (≤ 64 coordinates)
/// is resolved by its own eigendecomposition; otherwise A is formed and decomposed densely (K³).
public struct ConditionalLoss: Sendable, Hashable {
    /// r = rank A.
    public let rank: Int
    /// K = |S|.
    public let observedCount: Int
    /// G₀ = Σ_{i∈S} λ_i (1 − P_ii).
    public let nullMass: Double
    /// T = Σ_{i∉S} λ_i.
    public let unobservedMass: Double

    /// The parts of `samples` under `parameters` (λ_i = i^−(1+α+β)).
    public init(samples: SparseTrainingSet, parameters: DataParameters) throws {
        observedCount = samples.observedCount
        unobservedMass = UnobservedVariance.sum(parameters: parameters, observed: samples.observed)
        let lambda = samples.observed.map { parameters.marginalVariance($0) }
        let (rank, nullDiagonal) = try Self.rankAndNullDiagonal(samples)
        self.rank = rank
        var g0 = 0.0
        for (i, q) in nullDiagonal { g0 += lambda[i] * q }
        nullMass = max(0, g0)
    }

    /// E[L | data] = (T + G₀)(N − 1)/(N − 1 − r) for N ≥ r + 2; nil below (the mean is infinite at
    /// N ∈ {r − 1, r, r + 1} and not exact under the peak).
    public func mean(featureCount n: Int) -> Double? {
        guard n >= rank + 2 else { return nil }
        return (unobservedMass + nullMass) * Double(n - 1) / Double(n - 1 - rank)
    }

    /// The rank and the nonzero entries (position in S, 1 − P_ii) of the null projector's diagonal.
    static func rankAndNullDiagonal(_ samples: SparseTrainingSet) throws -> (Int, [(Int, Double)]) {
        let k = samples.observedCount
        guard k > 0 else { return (0, []) }
        let tolerance = Double(k) * Double.ulpOfOne
        if let moment = try? SparseMomentBlocks(samples), let factor = try? SparseSecondMomentFactor(moment) {
            var blockRankSum = 0
            var diagonal: [(Int, Double)] = []
            for b in moment.blockSizes.indices {
                let m = moment.blockSizes[b]
                let gram = Array(moment.gramValues[moment.gramOffsets[b]..<moment.gramOffsets[b + 1]])
                let blockRank = BlockCholesky(gram: gram, size: m, tolerance: tolerance).rank
                blockRankSum += blockRank
                guard blockRank < m else { continue }
                let local = try nullProjectorDiagonal(Matrix(rows: m, columns: m, columnMajor: gram), rank: blockRank)
                let base = moment.positionOffsets[b]
                for l in 0..<m where local[l] > 0 { diagonal.append((Int(moment.blockPositions[base + l]), local[l])) }
            }
            // Full-rank hubs: null(A) is the sum of the blocks' null spaces (zero on the hubs).
            if factor.rank - blockRankSum == moment.hubCount { return (factor.rank, diagonal) }
        }
        let a = samples.secondMoment()
        let rank = try SecondMomentFactor.factor(a).columns
        let local = try nullProjectorDiagonal(a, rank: rank)
        return (rank, local.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) })
    }

    /// diag(I − P) for the projector P onto the range of the semidefinite `gram` of rank `rank`: the
    /// null space is Δ⁻¹ times the eigenvectors of the K − r smallest eigenvalues of the unit-diagonal
    /// Δ⁻¹ G Δ⁻¹ (the solver's scaling), orthonormalized.
    static func nullProjectorDiagonal(_ gram: Matrix, rank: Int) throws -> [Double] {
        let m = gram.rows, q = m - rank
        guard q > 0 else { return [Double](repeating: 0, count: m) }
        let scale = (0..<m).map { gram[$0, $0] > 0 ? gram[$0, $0].squareRoot() : 1 }
        var scaled = gram
        for j in 0..<m {
            for i in 0..<m { scaled[i, j] /= scale[i] * scale[j] }
        }
        let eigen = try SymmetricEigen(scaled)  // ascending eigenvalues
        var basis = Matrix(rows: m, columns: q)
        for c in 0..<q {
            for i in 0..<m { basis[i, c] = eigen.vectors[i, c] / scale[i] }
        }
        // Orthonormalize through the eigendecomposition of the q × q Gram matrix: Y = basis · V Σ^−½.
        let overlap = BLAS.product(basis, basis, transA: .transposed)
        let small = try SymmetricEigen(overlap)
        var diagonal = [Double](repeating: 0, count: m)
        for c in 0..<q where small.values[c] > 0 {
            let inverseRoot = 1 / small.values[c].squareRoot()
            for i in 0..<m {
                var y = 0.0
                for l in 0..<q { y += basis[i, l] * small.vectors[l, c] }
                y *= inverseRoot
                diagonal[i] += y * y
            }
        }
        return diagonal.map { min(1, $0) }
    }
}
