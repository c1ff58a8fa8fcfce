import Foundation

/// The mean of samples yᵢ corrected by one or two control variates xᵢ whose expectations μ are known
/// exactly: the least-squares fit y ≈ a + bᵀx evaluated at x = μ, ȳ − b̂ᵀ(x̄ − μ). Unbiased when y is linear
/// in x; otherwise biased by O(1/n) (one control: −E[(x − μ)²(y − E y)]/(n Var x) to first order).
/// Variance (1 − R²)·Var y/n instead of Var y/n.
public struct ControlVariateMean: Sendable, Codable, Hashable {
    /// ȳ − b̂ᵀ(x̄ − μ).
    public let mean: Double
    /// The standard error of `mean`: sₑ·√(1/n + (x̄ − μ)ᵀSxx⁻¹(x̄ − μ)), sₑ² = residual sum of squares/(n − 1 − q)
    /// for q controls (the standard error of the fitted value at x = μ).
    public let standardError: Double
    /// The fitted coefficients b̂, one per control.
    public let slopes: [Double]
    /// R², the share of the samples' variance the controls explain.
    public let explainedShare: Double
    /// Number of samples.
    public let count: Int

    /// The estimate from `samples` and one control per entry of `controls` (each as long as `samples`)
    /// with exact expectations `controlMeans`. Throws for other than one or two controls, fewer than
    /// q + 3 samples, unequal lengths, non-finite values, or controls that are constant or collinear.
    public init(samples y: [Double], controls: [[Double]], controlMeans mu: [Double]) throws(AnalysisError) {
        try AnalysisError.checkFiniteSamples(y, what: "control-variate mean")
        guard (1...2).contains(controls.count), mu.count == controls.count else {
            throw .invalidParameter(name: "control count", value: Double(controls.count), allowed: "one or two controls, each with its mean")
        }
        for x in controls {
            try AnalysisError.checkFiniteSamples(x, what: "control-variate mean (controls)")
            guard x.count == y.count else {
                throw .invalidParameter(name: "control length", value: Double(x.count), allowed: "one value per sample (\(y.count))")
            }
        }
        guard mu.allSatisfy(\.isFinite) else { throw .invalidParameter(name: "control mean", value: mu.first { !$0.isFinite } ?? .nan, allowed: "a finite number") }
        let q = controls.count
        guard y.count >= q + 3 else { throw .tooFewPoints(what: "control-variate mean", count: y.count, required: q + 3) }
        let n = Double(y.count)
        let yBar = y.reduce(0, +) / n
        let xBar = controls.map { $0.reduce(0, +) / n }
        let centered = controls.indices.map { j in controls[j].map { $0 - xBar[j] } }
        let yc = y.map { $0 - yBar }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let sxx = centered.map { a in centered.map { dot(a, $0) } }
        let sxy = centered.map { dot($0, yc) }
        let syy = dot(yc, yc)
        // Sxx⁻¹ in closed form (1×1 or 2×2).
        let inverse: [[Double]]
        if q == 1 {
            guard sxx[0][0] > 0 else { throw .degenerateAbscissa(what: "control-variate mean") }
            inverse = [[1 / sxx[0][0]]]
        } else {
            let det = sxx[0][0] * sxx[1][1] - sxx[0][1] * sxx[1][0]
            guard sxx[0][0] > 0, sxx[1][1] > 0, det > 1e-12 * sxx[0][0] * sxx[1][1] else {
                throw .degenerateAbscissa(what: "control-variate mean")
            }
            inverse = [[sxx[1][1] / det, -sxx[0][1] / det], [-sxx[1][0] / det, sxx[0][0] / det]]
        }
        let b = inverse.map { dot($0, sxy) }
        let offset = zip(xBar, mu).map { $0 - $1 }
        // Residuals summed directly (no cancellation in Syy − bᵀSxy when the fit is nearly exact).
        let residual = yc.indices.reduce(0.0) { sum, i in
            let r = yc[i] - b.indices.reduce(0.0) { $0 + b[$1] * centered[$1][i] }
            return sum + r * r
        }
        let se2 = residual / (n - 1 - Double(q))
        let leverage = dot(offset, inverse.map { dot($0, offset) })
        slopes = b
        mean = yBar - dot(b, offset)
        standardError = (se2 * (1 / n + leverage)).squareRoot()
        explainedShare = syy > 0 ? 1 - residual / syy : 0
        count = y.count
    }
}
