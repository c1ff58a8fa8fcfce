/// Where a model size N sits relative to the interpolation peak at data size D.
public enum CurveRegion: String, Sendable, Hashable, Codable, CaseIterable {
    /// N below the peak band: almost every training set has rank r ≥ N + 2.
    case underparameterized = "under"
    /// N within the peak band: training sets with r ∈ {N − 1, N, N + 1} are not negligible, so the
    /// mean loss is infinite (docs/theory.md §6.1) and only quantiles are meaningful.
    case peakBand = "peak band"
    /// N above the peak band: almost every training set has r ≤ N − 2.
    case overparameterized = "over"
}

/// How a predicted point was computed.
public enum CurvePredictionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// §6.3 data-averaged deterministic equivalent: d₁(κ) = N, b(κ)(N − c)/(N − c − d₂(κ)).
    case deterministicEquivalent = "det (under)"
    /// §6.1 exact law given the data, (T + G₀)(1 + χ²_r/χ²_{N−r+1}), mixed over the law of r ≈ K.
    case exactRankMixture = "exact F law mixed over r"
    /// Peak band: the exact law for r ≤ N and its mirror N ↔ r for r > N, mixed over r ≈ K; no mean.
    case peakMixture = "peak mixture"
    /// The average of the per-instance conditional mean over sampled data instances ("mc").
    case instanceAverage = "mc"
}

/// One predicted point of the loss curve L(N) at data size D.
public struct PredictedLossPoint: Sendable, Hashable, Codable {
    /// N, the number of random features.
    public let featureCount: Int
    /// D, the number of training samples.
    public let sampleCount: Int
    /// The predicted mean loss E[L], nil where it is infinite (the peak band).
    public let mean: Double?
    /// The predicted median loss, nil if not available.
    public let median: Double?
    /// The predicted 10% quantile, nil if not available.
    public let quantile10: Double?
    /// The predicted 90% quantile, nil if not available.
    public let quantile90: Double?
    /// How the numbers were computed.
    public let method: CurvePredictionMethod
    /// Where N sits relative to the peak.
    public let region: CurveRegion

    /// A point from its parts.
    public init(featureCount: Int, sampleCount: Int, mean: Double?, median: Double?, quantile10: Double?,
                quantile90: Double?, method: CurvePredictionMethod, region: CurveRegion) {
        self.featureCount = featureCount
        self.sampleCount = sampleCount
        self.mean = mean
        self.median = median
        self.quantile10 = quantile10
        self.quantile90 = quantile90
        self.method = method
        self.region = region
    }
}
