import Foundation
import ScalingAnalysis

/// The nonparametric bootstrap over runs: each resample draws n runs with replacement (as multiplicities),
/// is refitted from the same start grid, and gives every `CalibratedQuantity`; the percentile intervals
/// come from their spread. Resample k uses its own generator stream, so results do not depend on threads.
public struct Bootstrap: Sendable {
    /// Number of resamples B.
    public var resamples: Int
    /// Seed of the resampling.
    public var seed: UInt64
    /// The fitter each resample runs (the same grid as the full fit, screened to its best starts).
    public var fitter: MultiStartFitter

    /// B resamples under `seed`, refitted by `fitter`.
    public init(resamples: Int, seed: UInt64, fitter: MultiStartFitter) {
        self.resamples = resamples
        self.seed = seed
        self.fitter = fitter
    }

    /// The additive fits of the B resamples of `runs` (nil where a resample could not be fitted, e.g. fewer
    /// distinct runs than parameters).
    public func additiveFits(_ runs: [ScalingRun]) -> [LawFit?] {
        let logRuns = LogRuns(runs)
        let n = runs.count, fitter = fitter, seed = seed
        let fits = ResultSlots<LawFit?>(count: resamples)
        DispatchQueue.concurrentPerform(iterations: resamples) { k in
            var generator = ResampleGenerator(seed: seed, stream: UInt64(k))
            var weights = [Double](repeating: 0, count: n)
            for _ in 0..<n { weights[generator.index(below: n)] += 1 }
            fits[k] = try? fitter.fitAdditive(logRuns, weights: weights)
        }
        return fits.values
    }

    /// Intervals of every quantity from the resampled fits, around the estimates of `fit` at `compute`.
    public static func intervals(estimate fit: LawFit, resampled: [LawFit?], compute: Double) -> [BootstrapInterval] {
        let estimates = fit.additive.quantities(atCompute: compute)
        let samples = resampled.compactMap { $0?.additive.quantities(atCompute: compute) }
        return CalibratedQuantity.allCases.map { q in
            // +∞ (e.g. no finite double-descent peak where β ≤ 1) is a value, ordered last; a quantile that reaches it is +∞.
            let values = samples.compactMap { $0[q] }.filter { !$0.isNaN }.map { min($0, .greatestFiniteMagnitude) }.sorted()
            guard !values.isEmpty else {
                return BootstrapInterval(quantity: q, estimate: estimates[q]!, lower: .nan, upper: .nan, oneSidedLower: .nan, standardError: .nan)
            }
            func quantile(_ p: Double) -> Double {
                let x = SampleQuantiles.quantile(values, p)
                return x > 0.5 * .greatestFiniteMagnitude ? .infinity : x
            }
            var standardError = Double.infinity
            if values.last! < .greatestFiniteMagnitude {
                let mean = values.reduce(0, +) / Double(values.count)
                standardError = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(values.count - 1, 1))).squareRoot()
            }
            return BootstrapInterval(
                quantity: q, estimate: estimates[q]!, lower: quantile(0.025), upper: quantile(0.975),
                oneSidedLower: quantile(0.05), standardError: standardError)
        }
    }
}
