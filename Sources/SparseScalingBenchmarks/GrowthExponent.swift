import SparseScaling
import ScalingAnalysis

/// A fitted growth exponent t ∝ x^g of a time over a sweep, next to what the cost model predicts.
package struct GrowthExponent: Sendable, Codable {
    /// What grows (e.g. "dense part vs D at N = 1024").
    package var name: String
    /// The fitted exponent g (positive when the time grows).
    package var measured: Double?
    /// Its standard error.
    package var standardError: Double?
    /// The exponent the docs/theory.md §3 cost model gives over the same points.
    package var modelPrediction: Double?
    /// The smallest and largest x of the fit.
    package var from: Double, to: Double

    enum CodingKeys: String, CodingKey {
        case name, measured, from, to
        case standardError = "standard_error", modelPrediction = "model_prediction"
    }

    /// Fits the last `tail` points of (x, time) and of (x, model cost) on log–log axes.
    /// `PowerLawFit` reports a decay exponent, so the growth exponent is its negative.
    package init(name: String, x: [Double], time: [Double], modelCost: [Double]?, tail: Int) {
        self.name = name
        let usable = x.indices.filter { time[$0] > 0 && x[$0] > 0 }
        let xs = usable.map { x[$0] }, ts = usable.map { time[$0] }
        from = xs.suffix(tail).first ?? 0
        to = xs.last ?? 0
        if let fit = try? PowerLawFit(x: xs, y: ts, tail: tail) {
            measured = -fit.exponent
            standardError = fit.exponentStandardError
        }
        if let modelCost, let fit = try? PowerLawFit(x: xs, y: usable.map { modelCost[$0] }, tail: tail) {
            modelPrediction = -fit.exponent
        }
    }

    /// The operation count of the dense part for N features and K observed coordinates. With the
    /// dense factor (docs/theory.md §3): K³/3 (pivoted Cholesky) + 2·N·K² (W_S·R) + the readout of the N × K
    /// matrix B (Gram matrix and Cholesky factor, the route well-conditioned B take). With the sparse factor (`hubs` = h > 0): h³/3 + 2·N·(K + h²) (B = W_S R with R sparse
    /// apart from the h hub columns) + the same readout; the readout dominates.
    package static func denseCost(featureCount n: Int, observedCount k: Int, hubs: Int = 0) -> Double {
        let readout = KernelFlops.normalEquations(m: n, n: k)
        if hubs > 0 {
            let h = Double(hubs)
            return h * h * h / 3 + 2 * Double(n) * (Double(k) + h * h) + readout
        }
        return KernelFlops.pivotedCholesky(n: k, rank: k) + KernelFlops.gemm(m: n, n: k, k: k) + readout
    }
}
