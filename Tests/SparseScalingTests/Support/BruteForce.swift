import LinearAlgebra
@testable import SparseScaling

/// The textbook computation the fast paths are checked against: dense X over coordinates 1…M
/// (or over S for M = ∞), dense W, F = W X, an explicit pseudoinverse F⁺, v = y F⁺, and the loss
/// summed coordinate by coordinate.
enum BruteForce {
    struct Result {
        let readout: [Double]
        let lossObserved: Double
        /// σ_max/σ_min of F over the singular values the pseudoinverse keeps (of F Fᵀ + λDI with a ridge):
        /// the factor by which rounding errors in the readout may be amplified.
        let conditionNumber: Double

        /// A relative tolerance for comparing another computation of the readout with this one: rounding
        /// (ε = 2⁻⁵² ≈ 2.2e-16) amplified by κ, with a margin of 10⁴ (the sparse-factor readouts of the 40
        /// `SparseFactorTests` cases differ by at most 6.8·κ·ε), never below 1e-12; at most 1e-3.
        var readoutTolerance: Double { min(1e-3, max(1e-12, 1e4 * conditionNumber * 0x1p-52)) }
    }

    static func solve(_ spec: PointSpecification) throws -> Result {
        let instance = try TrainingInstance(spec, threads: 1)
        let x = instance.observedSamples()  // K × D
        let w = instance.embedding  // N × K
        let f = BLAS.product(w, x)  // N × D
        var y = [Double](repeating: 0, count: spec.sampleCount)
        for d in 0..<spec.sampleCount {
            for k in 0..<instance.observedCount { y[d] += instance.teacher[k] * x[k, d] }
        }
        let v: [Double]
        let kappa: Double
        if spec.ridge > 0 {
            // v = y Fᵀ (F Fᵀ + λ D I)⁻¹ through the explicit inverse of the SPD matrix.
            var g = BLAS.product(f, f, transB: .transposed)
            for i in 0..<g.rows { g[i, i] += spec.ridge * Double(spec.sampleCount) }
            let gInverse = try Pseudoinverse.pseudoinverse(g, relativeTolerance: 1e-15)
            kappa = try Self.conditionNumber(g, relativeTolerance: 1e-15)
            let yft = (0..<spec.featureCount).map { k in (0..<spec.sampleCount).reduce(0.0) { $0 + y[$1] * f[k, $1] } }
            v = (0..<spec.featureCount).map { j in (0..<spec.featureCount).reduce(0.0) { $0 + yft[$1] * gInverse[$1, j] } }
        } else {
            let tolerance = spec.tolerance ?? Pseudoinverse.defaultTolerance(rows: spec.featureCount, columns: spec.sampleCount)
            let fPlus = try Pseudoinverse.pseudoinverse(f, relativeTolerance: tolerance)  // D × N
            kappa = try Self.conditionNumber(f, relativeTolerance: tolerance)
            v = (0..<spec.featureCount).map { j in (0..<spec.sampleCount).reduce(0.0) { $0 + y[$1] * fPlus[$1, j] } }
        }
        var loss = 0.0
        for (k, i) in instance.observed.enumerated() {
            var effective = 0.0
            for j in 0..<spec.featureCount { effective += w[j, k] * v[j] }
            let diff = effective - instance.teacher[k]
            loss += spec.parameters.marginalVariance(i) * diff * diff
        }
        return Result(readout: v, lossObserved: loss, conditionNumber: kappa)
    }

    /// σ_max/σ_min over the singular values above `relativeTolerance`·σ_max.
    static func conditionNumber(_ a: Matrix, relativeTolerance: Double) throws -> Double {
        let sigma = try SingularValueDecomposition(a).singularValues
        guard let largest = sigma.max(), largest > 0 else { return 1 }
        let kept = sigma.filter { $0 > relativeTolerance * largest }
        return largest / (kept.min() ?? largest)
    }
}

/// Largest |a_i − b_i| relative to the largest |b_i|.
func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
    let scale = b.map(abs).max() ?? 0
    let diff = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    return scale > 0 ? diff / scale : diff
}
