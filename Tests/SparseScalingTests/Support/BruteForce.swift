import LinearAlgebra
@testable import SparseScaling

/// The textbook computation the fast paths are checked against: dense X over coordinates 1…M
/// (or over S for M = ∞), dense W, F = W X, an explicit pseudoinverse F⁺, v = y F⁺, and the loss
/// summed coordinate by coordinate.
enum BruteForce {
    struct Result {
        let readout: [Double]
        let lossObserved: Double
    }

    static func solve(_ spec: PointSpecification) throws -> Result {
        let instance = TrainingInstance(spec, threads: 1)
        let x = instance.observedSamples()  // K × D
        let w = instance.embedding  // N × K
        let f = BLAS.product(w, x)  // N × D
        var y = [Double](repeating: 0, count: spec.sampleCount)
        for d in 0..<spec.sampleCount {
            for k in 0..<instance.observedCount { y[d] += instance.teacher[k] * x[k, d] }
        }
        let v: [Double]
        if spec.ridge > 0 {
            // v = y Fᵀ (F Fᵀ + λ D I)⁻¹ through the explicit inverse of the SPD matrix.
            var g = BLAS.product(f, f, transB: .transposed)
            for i in 0..<g.rows { g[i, i] += spec.ridge * Double(spec.sampleCount) }
            let gInverse = try Pseudoinverse.pseudoinverse(g, relativeTolerance: 1e-15)
            let yft = (0..<spec.featureCount).map { k in (0..<spec.sampleCount).reduce(0.0) { $0 + y[$1] * f[k, $1] } }
            v = (0..<spec.featureCount).map { j in (0..<spec.featureCount).reduce(0.0) { $0 + yft[$1] * gInverse[$1, j] } }
        } else {
            let tolerance = spec.tolerance ?? Pseudoinverse.defaultTolerance(rows: spec.featureCount, columns: spec.sampleCount)
            let fPlus = try Pseudoinverse.pseudoinverse(f, relativeTolerance: tolerance)  // D × N
            v = (0..<spec.featureCount).map { j in (0..<spec.sampleCount).reduce(0.0) { $0 + y[$1] * fPlus[$1, j] } }
        }
        var loss = 0.0
        for (k, i) in instance.observed.enumerated() {
            var effective = 0.0
            for j in 0..<spec.featureCount { effective += w[j, k] * v[j] }
            let diff = effective - instance.teacher[k]
            loss += spec.parameters.marginalVariance(i) * diff * diff
        }
        return Result(readout: v, lossObserved: loss)
    }
}

/// Largest |a_i − b_i| relative to the largest |b_i|.
func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
    let scale = b.map(abs).max() ?? 0
    let diff = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    return scale > 0 ? diff / scale : diff
}
