import Foundation
import ScalingAnalysis

/// One model-rich point of the label-noise law check: the measured excess losses over seeds against
/// OUR predicted quantiles (`LabelNoiseLossLaw`, docs/theory-label-noise.md) at the same (α, β, σ, N, D).
package struct LabelNoiseLawComparison: Sendable, Codable {
    package var beta: Double
    package var labelNoiseVariance: Double
    package var n: Int
    package var d: Int
    /// Measured q10, q25, q50, q75, q90 of the excess loss over seeds.
    package var measured: [Double]
    /// Distribution-free 95% interval of the measured median (order statistics; nil below 6 seeds).
    package var medianLower: Double?
    package var medianUpper: Double?
    /// Predicted q10…q90 (the law's Monte Carlo, 20 000 draws or fewer, seeded).
    package var predicted: [Double]
    /// Fraction of seeds below each predicted quantile, and its binomial standard error √(q(1 − q)/n).
    package var fractionBelow: [Double]
    package var fractionStandardError: [Double]
    /// The per-seed excess losses.
    package var losses: [Double]

    /// Compares `losses` (one per seed) with the law at (α, β, σ², N, D).
    package init(parameters: DataParameters, labelNoiseVariance: Double, n: Int, d: Int, losses: [Double]) throws {
        beta = parameters.beta
        self.labelNoiseVariance = labelNoiseVariance
        self.n = n
        self.d = d
        self.losses = losses
        let sorted = losses.sorted()
        measured = LabelNoiseLossLaw.levels.map { SampleQuantiles.quantile(sorted, $0) }
        let interval = try? SampleQuantiles(samples: losses).medianInterval
        medianLower = interval?.lower
        medianUpper = interval?.upper
        let law = try LabelNoiseLossLaw(
            parameters: parameters, noise: labelNoiseVariance.squareRoot(), featureCount: Double(n), sampleCount: d, draws: 10_000)
        predicted = law.excessQuantiles
        let count = Double(losses.count)
        fractionBelow = predicted.map { q in Double(losses.filter { $0 < q }.count) / count }
        fractionStandardError = LabelNoiseLossLaw.levels.map { ($0 * (1 - $0) / count).squareRoot() }
    }

    /// The measured median's row: agree iff the predicted median lies in its order-statistic 95% CI.
    package func medianRow(alpha: Double) -> ComparisonRow {
        let g = fourSignificantDigits
        return ComparisonRow(
            quantity: "label noise law (OURS, shared samples fitted jointly) α = \(g(alpha)), β = \(g(beta)), σ² = \(g(labelNoiseVariance)), N = \(n), D = \(d): median excess loss (95% CI: order statistics over \(losses.count) seeds)",
            predicted: predicted[2], measured: measured[2], standardError: nil,
            interval: medianLower.flatMap { lo in medianUpper.map { (lo, $0) } },
            precision: Precision.resolving(predicted[2], from: [Precision.Alternative("the predicted 25% quantile", predicted[1]),
                                                                 Precision.Alternative("the predicted 75% quantile", predicted[3])]))
    }
}

/// The slope of the median excess loss in D along one model-rich D-sweep, measured (bootstrap over seeds)
/// against the same log–log fit applied to the predicted medians at the same D.
package struct LabelNoiseLawSlope: Sendable, Codable {
    package var beta: Double
    package var measured: Double
    /// 2.5% and 97.5% bootstrap quantiles of the measured slope (400 resamples of each D's seeds).
    package var lower: Double
    package var upper: Double
    package var predicted: Double
    /// The asymptotic slope of the singleton law, 2/β − 1 (β > 1).
    package var asymptotic: Double

    /// The slope over `points` (≥ 2 D values at one β).
    package init?(points: [LabelNoiseLawComparison]) {
        let sorted = points.sorted { $0.d < $1.d }
        guard sorted.count >= 2, let first = sorted.first else { return nil }
        beta = first.beta
        asymptotic = 2 / first.beta - 1
        let x = sorted.map { log(Double($0.d)) }
        func slope(_ y: [Double]) -> Double {
            let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
            let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }, sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
            return sxy / sxx
        }
        measured = slope(sorted.map { log($0.measured[2]) })
        predicted = slope(sorted.map { log($0.predicted[2]) })
        var rng = RandomStream(seed: 25, purpose: .bootstrap, index: 0)
        var values: [Double] = []
        for _ in 0..<400 {
            values.append(slope(sorted.map { p in
                let resample = (0..<p.losses.count).map { _ in p.losses[min(p.losses.count - 1, Int(rng.uniform() * Double(p.losses.count)))] }
                return log(LossDistribution(resample).median)
            }))
        }
        values.sort()
        lower = SampleQuantiles.quantile(values, 0.025)
        upper = SampleQuantiles.quantile(values, 0.975)
    }

    /// The row: agree iff the law's fitted slope lies in the bootstrap 95% CI of the measured one.
    package func row(alpha: Double, labelNoiseVariance: Double, dValues: [Int]) -> ComparisonRow {
        let g = fourSignificantDigits
        let shape = beta == 2 ? "a level" : (beta > 2 ? "decay" : "growth")
        return ComparisonRow(
            quantity: "label noise law (OURS) α = \(g(alpha)), β = \(g(beta)), σ² = \(g(labelNoiseVariance)): log–log slope of the median excess over D ∈ \(dValues) (\(shape); asymptote of the singleton law 2/β − 1 = \(g(asymptotic)); predicted = the same fit to the law's medians; 95% CI: bootstrap over seeds, 400 resamples)",
            predicted: predicted, measured: measured, standardError: nil, interval: (lower, upper),
            precision: Precision.resolving(predicted, from: [Precision.Alternative("a noise floor (the median excess levels off: slope 0)", 0),
                                                             Precision.Alternative("the singleton law's asymptotic slope 2/β − 1", asymptotic)]))
    }
}
