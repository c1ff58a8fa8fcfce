import Foundation
import ScalingAnalysis

/// Predicts the loss curve L(N) at one data size D from (α, β, M) alone (docs/theory.md §6.3): the region
/// of each N from the law of r ≈ K; below the peak the det mean; above it the mean and the quantiles
/// of the exact F law mixed over r and over T's spread; in the peak band quantiles only. Building it tabulates nothing; the first
/// underparameterized point tabulates the averaged traces (tens of milliseconds).
public final class LossCurvePredictor {
    /// The data distribution.
    public let parameters: DataParameters
    /// D.
    public let sampleCount: Int
    /// The approximation choices.
    public let options: CurvePredictionOptions
    /// The law of K (and of T jointly), standing in for the law of the rank r.
    public let rankLaw: ObservedCoordinateLaw
    private lazy var traces = DiagonalDataTraces(parameters: parameters, sampleCount: Double(sampleCount))

    /// A predictor for D ≥ 1. Throws for α ≤ −1: the averaged traces need decaying active variances.
    public init(parameters: DataParameters, sampleCount: Int, options: CurvePredictionOptions = .init()) throws {
        guard parameters.alpha > -1 else {
            throw ParameterError.invalid(parameter: .alpha, value: "\(parameters.alpha)",
                                         allowed: "α > −1 for the predicted loss curve (active variances must decay)")
        }
        guard sampleCount >= 1 else {
            throw ParameterError.invalid(parameter: .sampleCount, value: "\(sampleCount)", allowed: "an integer ≥ 1")
        }
        self.parameters = parameters
        self.sampleCount = sampleCount
        self.options = options
        rankLaw = ObservedCoordinateLaw(parameters: parameters, sampleCount: Double(sampleCount))
    }

    /// The region of model size N: over when P(K ≥ N − 1) < ε, under when P(K ≤ N + 1) < ε, else the band.
    public func region(featureCount n: Int) -> CurveRegion {
        let epsilon = options.bandProbability
        if rankLaw.survival(n - 2) < epsilon { return .overparameterized }
        if rankLaw.cdf(n + 1) < epsilon { return .underparameterized }
        return .peakBand
    }

    /// The model sizes N of the peak band, every integer whose `region(featureCount:)` is `.peakBand`, found
    /// by bisection (the regions follow each other as under, band, over in increasing N), grid or no grid.
    public var peakBandRange: ClosedRange<Int> {
        let upper = Int((rankLaw.mean + 40 * rankLaw.standardDeviation).rounded(.up)) + 4
        func firstN(where holds: (Int) -> Bool) -> Int {
            var lo = 1, hi = upper
            while lo < hi {
                let mid = (lo + hi) / 2
                if holds(mid) { hi = mid } else { lo = mid + 1 }
            }
            return lo
        }
        let first = firstN { region(featureCount: $0) != .underparameterized }
        let last = firstN { region(featureCount: $0) == .overparameterized } - 1
        return first...max(first, last)
    }

    /// The predicted point at model size N ≥ 1.
    public func point(featureCount n: Int) -> PredictedLossPoint {
        precondition(n >= 1, "model size N must be ≥ 1")
        switch region(featureCount: n) {
        case .underparameterized: return underparameterized(n)
        case .overparameterized: return overparameterized(n)
        case .peakBand: return peakBand(n)
        }
    }

    /// The predicted points at each model size.
    public func curve(featureCounts: [Int]) -> [PredictedLossPoint] {
        featureCounts.map { point(featureCount: $0) }
    }

    /// The det mean at d₁(κ) = N: the options' finite-N correction applied to the averaged traces (d₂, the
    /// higher moments, and the bias moments less the unobserved mass E[T]); nil at or past the pole.
    public func deterministicEquivalentMean(featureCount n: Int) -> Double? {
        guard let kappa = traces.ridge(featureCount: Double(n)) else { return nil }
        let (x, bias) = traces.moments(ridge: kappa)
        let unobserved = rankLaw.unobservedMass
        let fitted = (bias - SIMD3(repeating: unobserved)).replacing(with: 0, where: bias .< unobserved)
        return options.correction.loss(SketchTraces(
            featureCount: Double(n), secondMoment: x[1], thirdMoment: x[2], fourthMoment: x[3],
            bias: fitted[0], thirdBiasMoment: fitted[1], fourthBiasMoment: fitted[2], unfittable: unobserved))
    }

    /// The data-averaged traces (d₁, d₂, b) at ridge κ > 0 (docs/theory.md §6.3).
    public func averagedTraces(ridge kappa: Double) -> (d1: Double, d2: Double, bias: Double) {
        traces.traces(ridge: kappa)
    }

    /// κ with d₁(κ) = N, nil when N is too close to E[K] (or above it).
    public func averagedRidge(featureCount n: Int) -> Double? {
        traces.ridge(featureCount: Double(n))
    }

    private func underparameterized(_ n: Int) -> PredictedLossPoint {
        let mean = deterministicEquivalentMean(featureCount: n)
        // The det value is a mean; across training sets the loss is right-skewed (measured median/mean
        // 0.6–0.85 at N ≤ 16), so no median or quantiles are claimed here.
        return PredictedLossPoint(featureCount: n, sampleCount: sampleCount, mean: mean, median: nil,
                                  quantile10: nil, quantile90: nil,
                                  method: .deterministicEquivalent, region: .underparameterized)
    }

    /// Bins of the law of K over `range`, about `count` of them, each represented by its middle k;
    /// bins of width 1 within `exactNear` ± 3 (around the pole at k = N).
    private func rankBins(_ range: ClosedRange<Int>, count: Int, exactNear pole: Int? = nil) -> [(k: Int, weight: Double)] {
        let width = max(1, Int((Double(range.count) / Double(count)).rounded(.up)))
        var bins: [(k: Int, weight: Double)] = []
        var start = range.lowerBound
        while start <= range.upperBound {
            var end = min(range.upperBound, start + width - 1)
            if let pole {
                if abs(start - pole) <= 3 { end = start } else if start < pole - 3 { end = min(end, pole - 4) }
            }
            let mass = Double(start) >= rankLaw.mean
                ? rankLaw.survival(start - 1) - rankLaw.survival(end)
                : rankLaw.cdf(end) - rankLaw.cdf(start - 1)
            if mass > 1e-12 { bins.append(((start + end) / 2, mass)) }
            start = end + 1
        }
        return bins
    }

    /// Equal-probability nodes of T given K = k: a lognormal with the (conditional) mean and variance of T.
    private func unobservedMassNodes(given k: Int) -> [Double] {
        let conditional = options.overparameterizedMean == .rankMixtureConditional
        let mean = conditional ? rankLaw.conditionalUnobservedMass(given: k) : rankLaw.unobservedMass
        let variance = conditional ? rankLaw.conditionalUnobservedVariance : rankLaw.unobservedVariance
        guard mean > 0, variance > 0 else { return [mean] }
        let s2 = log1p(variance / (mean * mean))
        let m = log(mean) - s2 / 2
        let count = Self.unobservedNodeCount
        return (0..<count).map { j in
            exp(m + s2.squareRoot() * StandardNormal.quantile((Double(j) + 0.5) / Double(count)))
        }
    }

    /// Nodes per rank bin for the spread of T across training sets.
    static let unobservedNodeCount = 8

    /// The mixture over rank bins and T nodes of the law given (r, T); `shapes(k)` = (offset, a, b).
    private func mixture(bins: [(k: Int, weight: Double)], shapes: (Int) -> (Double, Double, Double)) -> LossLawMixture {
        var components: [LossLawMixture.Component] = []
        for (k, weight) in bins {
            let (offset, a, b) = shapes(k)
            let nodes = unobservedMassNodes(given: k)
            for t in nodes {
                let law = BetaPrimeLossLaw(scale: t, numeratorShape: a, denominatorShape: b, offset: offset)
                components.append(.init(weight: weight / Double(nodes.count), law: law))
            }
        }
        return LossLawMixture(components: components)
    }

    private func overparameterized(_ n: Int) -> PredictedLossPoint {
        let support = rankLaw.support
        let upper = min(support.upperBound, n - 2)
        let bins = upper >= support.lowerBound
            ? rankBins(support.lowerBound...upper, count: 16) : [(k: max(0, n - 2), weight: 1.0)]
        let mean: Double
        switch options.overparameterizedMean {
        case .pluggedIn:
            mean = rankLaw.unobservedMass * Double(n - 1) / (Double(n - 1) - rankLaw.mean)
        case .rankMixture, .rankMixtureConditional:
            let conditional = options.overparameterizedMean == .rankMixtureConditional
            var sum = 0.0, total = 0.0
            for (k, weight) in rankBins(support.lowerBound...max(support.lowerBound, upper), count: 400) where k <= n - 2 {
                let t = conditional ? rankLaw.conditionalUnobservedMass(given: k) : rankLaw.unobservedMass
                sum += weight * t * Double(n - 1) / Double(n - 1 - k)
                total += weight
            }
            mean = sum / total
        }
        let laws = mixture(bins: bins) { k in (0, Double(k) / 2, Double(n - k + 1) / 2) }
        return PredictedLossPoint(featureCount: n, sampleCount: sampleCount, mean: mean, median: laws.quantile(0.5),
                                  quantile10: laws.quantile(0.1), quantile90: laws.quantile(0.9),
                                  method: .exactRankMixture, region: .overparameterized)
    }

    /// (offset, a, b) of the law of a training set with r = k > N near the peak: the averaged traces
    /// shifted by the k − E[K] extra directions (each fitted fully near the pole, adding 1 to df₁ and df₂),
    /// the fitted part B·N/(N − df₂) as the offset, and T(1 + Q) with Q = χ²_N/χ²_{r'−N+1}, the A = I law
    /// whose mean N/(r' − N − 1) equals df₂/(N − df₂ − df₂/N) (exact for A = I). Falls back to
    /// r' = k, no offset, where the shifted equivalent has no solution.
    private func underparameterizedShapes(featureCount n: Int, rank k: Int) -> (Double, Double, Double) {
        let mirror = (0.0, Double(n) / 2, Double(k - n + 1) / 2)
        let shift = Double(k) - rankLaw.mean
        let target = Double(n) - shift
        guard target >= 1, let kappa = traces.ridge(featureCount: target) else { return mirror }
        let (_, d2, b) = traces.traces(ridge: kappa)
        let df2 = d2 + shift
        let nn = Double(n)
        let denominator = nn - df2 - df2 / nn
        guard df2 > 0, denominator > 0 else { return mirror }
        let meanQ = df2 / denominator
        let effectiveRank = nn + 1 + nn / meanQ
        let offset = max(0, b - rankLaw.unobservedMass) * nn / (nn - df2)
        return (offset, nn / 2, (effectiveRank - nn + 1) / 2)
    }

    private func peakBand(_ n: Int) -> PredictedLossPoint {
        let bins = rankBins(rankLaw.support, count: 40, exactNear: n)
        // r ≤ N: the exact law; r > N: `underparameterizedShapes`.
        let laws = mixture(bins: bins) { k in
            k <= n ? (0, Double(k) / 2, Double(n - k + 1) / 2) : underparameterizedShapes(featureCount: n, rank: k)
        }
        return PredictedLossPoint(featureCount: n, sampleCount: sampleCount, mean: nil, median: laws.quantile(0.5),
                                  quantile10: laws.quantile(0.1), quantile90: laws.quantile(0.9),
                                  method: .peakMixture, region: .peakBand)
    }
}

extension DataParameters {
    /// The predicted loss curve at data size D for each model size (see `LossCurvePredictor`).
    public func predictedLossCurve(featureCounts: [Int], sampleCount: Int,
                                   options: CurvePredictionOptions = .init()) throws -> [PredictedLossPoint] {
        try LossCurvePredictor(parameters: self, sampleCount: sampleCount, options: options).curve(featureCounts: featureCounts)
    }
}
