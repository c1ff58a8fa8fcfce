import Foundation
import ScalingAnalysis

/// How precisely a D-sweep pins down the D-exponent per CPU second: a sweep running the same number
/// n of seeds at every D, fitted by a weighted power law L = c·D^(−γ) on the per-D means. With
/// weights w_D = (L_D/SE_D)² (SE_D = sd_D/√n, the seed noise only), SE(γ) = 1/√(Σ w_D (ln D − m)²),
/// m the weighted mean of ln D, and the sweep costs T = n·Σ_D t_D (t_D the CPU seconds of one seed);
/// SE(γ)·√T does not depend on n, so it compares estimators whatever seeds each actually ran.
package struct SweepExponentPrecision: Sendable, Hashable {
    /// The fitted exponent γ (`PowerLawFit`, inverse-variance weights, on the measured means).
    package var exponent: Double
    /// `PowerLawFit`'s standard error of γ on the measured means: scaled by the residual scatter, so it
    /// also counts the curve's departure from a power law (the same for both estimators).
    package var fitStandardError: Double
    /// SE(γ) from the seed noise alone for a sweep of one seed per D (divide by √n for n seeds).
    package var seedStandardError: Double
    /// CPU seconds of one seed at every D, Σ_D t_D.
    package var cpuSecondsPerSweepSeed: Double
    /// Number of D values in the sweep.
    package var pointCount: Int

    /// SE(γ)·√(CPU seconds of the sweep): the exponent's standard error that one CPU second buys.
    package var unitError: Double { seedStandardError * cpuSecondsPerSweepSeed.squareRoot() }

    /// The precision of a sweep over the D values of `perD` (≥ 3 distinct D, each with ≥ 2 seeds, a
    /// positive mean and a positive seed spread).
    package init(_ perD: [EstimatorSeeds]) throws {
        let points = perD.map { ScalingPoint(x: Double($0.sampleCount), y: $0.mean, standardError: $0.standardError) }
        let fit = try PowerLawFit(points: points, weighting: .inverseVariance)
        // Weights of a sweep of one seed per D: the inverse variance of ln L_D at one seed, (L/sd)².
        let w = perD.map { ($0.mean / $0.standardDeviation) * ($0.mean / $0.standardDeviation) }
        let v = perD.map { log(Double($0.sampleCount)) }
        let wSum = w.reduce(0, +)
        let vMean = zip(w, v).reduce(0) { $0 + $1.0 * $1.1 } / wSum
        let svv = zip(w, v).reduce(0) { $0 + $1.0 * ($1.1 - vMean) * ($1.1 - vMean) }
        guard svv > 0, svv.isFinite else {
            throw AnalysisError.invalidParameter(name: "seed spread", value: svv, allowed: "positive, finite weights over ≥ 2 distinct D")
        }
        exponent = fit.exponent
        fitStandardError = fit.exponentStandardError
        seedStandardError = 1 / svv.squareRoot()
        cpuSecondsPerSweepSeed = perD.reduce(0) { $0 + $1.cpuSecondsPerSeed }
        pointCount = perD.count
    }
}
