import Foundation

/// Predicts the loss curve L(N) at one data size D from (α, β, M) alone (MODEL.md §6.3): the region
/// of each N from the law of r ≈ K, the det mean below the peak, the exact F law mixed over r above
/// it, and quantiles only in the peak band. Building it tabulates nothing; the first
/// underparameterized point tabulates the averaged traces (tens of milliseconds).
public final class LossCurvePredictor {
    /// The data distribution.
    public let parameters: DataParameters
    /// D.
    public let dataSize: Int
    /// The approximation choices.
    public let options: CurvePredictionOptions
    /// The law of K (and of T jointly), standing in for the law of the rank r.
    public let rankLaw: ObservedCoordinateLaw
    private lazy var traces = DiagonalDataTraces(parameters: parameters, dataSize: Double(dataSize))

    /// A predictor for D ≥ 1; needs α > −1 (decaying active variances) for the underparameterized side.
    public init(parameters: DataParameters, dataSize: Int, options: CurvePredictionOptions = .init()) {
        precondition(dataSize >= 1, "data size D must be ≥ 1")
        self.parameters = parameters
        self.dataSize = dataSize
        self.options = options
        rankLaw = ObservedCoordinateLaw(parameters: parameters, dataSize: Double(dataSize))
    }

    /// The region of model size N: over when P(K ≥ N − 1) < ε, under when P(K ≤ N + 1) < ε, else the band.
    public func region(modelSize n: Int) -> CurveRegion {
        let epsilon = options.bandProbability
        if rankLaw.survival(n - 2) < epsilon { return .overparameterized }
        if rankLaw.cdf(n + 1) < epsilon { return .underparameterized }
        return .peakBand
    }

    /// The predicted point at model size N ≥ 1.
    public func point(modelSize n: Int) -> PredictedLossPoint {
        precondition(n >= 1, "model size N must be ≥ 1")
        switch region(modelSize: n) {
        case .underparameterized: return underparameterized(n)
        case .overparameterized: return overparameterized(n)
        case .peakBand: return peakBand(n)
        }
    }

    /// The predicted points at each model size.
    public func curve(modelSizes: [Int]) -> [PredictedLossPoint] {
        modelSizes.map { point(modelSize: $0) }
    }

    /// The det mean b(κ)(N − c)/(N − c − d₂(κ)) at d₁(κ) = N, nil at or past the pole.
    public func deterministicEquivalentMean(modelSize n: Int) -> Double? {
        guard let kappa = traces.ridge(modelSize: Double(n)) else { return nil }
        let (_, d2, b) = traces.traces(ridge: kappa)
        let unobserved = rankLaw.unobservedMass
        return options.correction.loss(bias: max(0, b - unobserved), unfittable: unobserved,
                                       modelSize: Double(n), df2: d2)
    }

    /// The data-averaged traces (d₁, d₂, b) at ridge κ > 0 (MODEL.md §6.3).
    public func averagedTraces(ridge kappa: Double) -> (d1: Double, d2: Double, bias: Double) {
        traces.traces(ridge: kappa)
    }

    /// κ with d₁(κ) = N, nil when N is too close to E[K] (or above it).
    public func averagedRidge(modelSize n: Int) -> Double? {
        traces.ridge(modelSize: Double(n))
    }

    private func underparameterized(_ n: Int) -> PredictedLossPoint {
        let mean = deterministicEquivalentMean(modelSize: n)
        return PredictedLossPoint(modelSize: n, dataSize: dataSize, mean: mean, median: mean,
                                  quantile10: nil, quantile90: nil,
                                  method: .deterministicEquivalent, region: .underparameterized)
    }

    /// Bins of the law of K over `range`: ~80 bins at most, each represented by its middle k.
    private func rankBins(_ range: ClosedRange<Int>) -> [(k: Int, weight: Double)] {
        let width = max(1, Int((Double(range.count) / 80).rounded(.up)))
        var bins: [(Int, Double)] = []
        var start = range.lowerBound
        while start <= range.upperBound {
            let end = min(range.upperBound, start + width - 1)
            let weight = rankLaw.cdf(end) - rankLaw.cdf(start - 1)
            let tail = rankLaw.survival(start - 1) - rankLaw.survival(end)
            let mass = Double(start) >= rankLaw.mean ? tail : weight
            if mass > 1e-12 { bins.append(((start + end) / 2, mass)) }
            start = end + 1
        }
        return bins
    }

    private func scale(given k: Int) -> Double {
        options.overparameterizedMean == .rankMixtureConditional
            ? rankLaw.conditionalUnobservedMass(given: k) : rankLaw.unobservedMass
    }

    private func overparameterized(_ n: Int) -> PredictedLossPoint {
        let support = rankLaw.support
        let upper = min(support.upperBound, n - 2)
        let bins = upper >= support.lowerBound ? rankBins(support.lowerBound...upper) : [(k: max(0, n - 2), weight: 1.0)]
        var components: [LossLawMixture.Component] = []
        var mixtureMean = 0.0, total = 0.0
        for (k, weight) in bins {
            let scale = scale(given: k)
            components.append(.init(weight: weight, law: BetaPrimeLossLaw(overparameterizedRank: k, modelSize: n,
                                                                          unfittableMass: scale)!))
            mixtureMean += weight * scale * Double(n - 1) / Double(n - 1 - k)
            total += weight
        }
        let mean: Double
        switch options.overparameterizedMean {
        case .pluggedIn:
            mean = rankLaw.unobservedMass * Double(n - 1) / (Double(n - 1) - rankLaw.mean)
        case .rankMixture, .rankMixtureConditional:
            mean = mixtureMean / total
        }
        let mixture = LossLawMixture(components: components)
        return PredictedLossPoint(modelSize: n, dataSize: dataSize, mean: mean, median: mixture.quantile(0.5),
                                  quantile10: mixture.quantile(0.1), quantile90: mixture.quantile(0.9),
                                  method: .exactRankMixture, region: .overparameterized)
    }

    private func peakBand(_ n: Int) -> PredictedLossPoint {
        var components: [LossLawMixture.Component] = []
        for k in rankLaw.support {
            let weight = rankLaw.probability(k)
            guard weight > 1e-12 else { continue }
            let scale = scale(given: k)
            // r ≤ N: the exact law; r > N: its mirror N ↔ r, Q = χ²_N/χ²_{r−N+1} (exact for A = I, bias neglected).
            let law = k <= n
                ? BetaPrimeLossLaw(scale: scale, numeratorShape: Double(k) / 2, denominatorShape: Double(n - k + 1) / 2)
                : BetaPrimeLossLaw(scale: scale, numeratorShape: Double(n) / 2, denominatorShape: Double(k - n + 1) / 2)
            components.append(.init(weight: weight, law: law))
        }
        let mixture = LossLawMixture(components: components)
        return PredictedLossPoint(modelSize: n, dataSize: dataSize, mean: nil, median: mixture.quantile(0.5),
                                  quantile10: mixture.quantile(0.1), quantile90: mixture.quantile(0.9),
                                  method: .peakMixture, region: .peakBand)
    }
}

extension DataParameters {
    /// The predicted loss curve at data size D for each model size (see `LossCurvePredictor`).
    public func predictedLossCurve(modelSizes: [Int], dataSize: Int,
                                   options: CurvePredictionOptions = .init()) -> [PredictedLossPoint] {
        LossCurvePredictor(parameters: self, dataSize: dataSize, options: options).curve(modelSizes: modelSizes)
    }
}
