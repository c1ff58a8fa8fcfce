/// The JSON form of a calibration: settings and data description, both fits with named parameters, every
/// quantity with its intervals, the verdict, the cross-validation summary and timings (per-run held-out
/// scores and resampled laws included, so any number can be recomputed).
public struct CalibrationSummary: Sendable, Codable, Hashable {
    /// Where the runs came from (the data file), as the caller names it.
    public var source: String
    /// Runs fitted.
    public var runs: Int
    /// Where N, D and L came from.
    public var columns: RunColumns
    /// The settings (compute resolved).
    public var settings: CalibrationSettings
    /// The additive fit: parameters, objective, starts.
    public var additive: FitSummary
    /// The joined fit.
    public var joined: FitSummary
    /// One entry per quantity.
    public var quantities: [BootstrapInterval]
    /// β > 1 at 95%?
    public var verdict: AsymmetryVerdict
    /// The verdict in words.
    public var verdictText: String
    /// Resamples fitted out of B.
    public var resamplesFitted: Int
    /// The cross-validation (nil when skipped).
    public var crossValidation: CrossValidationSummary?
    /// Seconds per stage.
    public var seconds: CalibrationResult.Seconds
    /// The resamples' additive laws.
    public var resampledLaws: [AdditiveLaw]

    /// One fit's named parameters.
    public struct FitSummary: Sendable, Codable, Hashable {
        /// "additive" or "joined".
        public var shape: LawShape
        /// E, A, B, a, b.
        public var law: AdditiveLaw
        /// The joined law's c (z at the centre), nil for the additive law.
        public var joinScale: Double?
        /// The centre (N₀, D₀) of c.
        public var centreFeatureCount: Double?, centreSampleCount: Double?
        /// The Huber objective at the minimum.
        public var objective: Double
        /// Starts refined, and how many ended at the minimum.
        public var startsRefined: Int, startsAtMinimum: Int
    }

    /// The cross-validation's numbers.
    public struct CrossValidationSummary: Sendable, Codable, Hashable {
        /// k, seed, δ.
        public var folds: Int, seed: UInt64, delta: Double
        /// Mean held-out score per form.
        public var additiveMean: Double, joinedMean: Double
        /// joined − additive, with SE over runs and over folds.
        public var difference: Double, standardError: Double, foldStandardError: Double
        /// The better form, nil when the difference is within 1.96 SE.
        public var preferred: LawShape?
        /// Every run's scores.
        public var scores: [HeldOutScore]

        /// Encodes every key; `preferred` is null when neither form is preferred.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(folds, forKey: .folds); try c.encode(seed, forKey: .seed); try c.encode(delta, forKey: .delta)
            try c.encode(additiveMean, forKey: .additiveMean); try c.encode(joinedMean, forKey: .joinedMean)
            try c.encode(difference, forKey: .difference); try c.encode(standardError, forKey: .standardError)
            try c.encode(foldStandardError, forKey: .foldStandardError); try c.encode(preferred, forKey: .preferred)
            try c.encode(scores, forKey: .scores)
        }
    }

    /// The summary of `result`, whose runs came from `source`.
    public init(_ result: CalibrationResult, source: String) {
        func fit(_ f: LawFit) -> FitSummary {
            FitSummary(shape: f.shape, law: f.additive, joinScale: f.joined?.joinScale,
                       centreFeatureCount: f.shape == .joined ? f.centreFeatureCount : nil, centreSampleCount: f.shape == .joined ? f.centreSampleCount : nil,
                       objective: f.objective, startsRefined: f.startsRefined, startsAtMinimum: f.startsAtMinimum)
        }
        self.source = source
        runs = result.table.runs.count
        columns = result.table.columns
        settings = result.settings
        additive = fit(result.additive)
        joined = fit(result.joined)
        quantities = result.intervals
        verdict = result.verdict
        verdictText = CalibrationReport.verdictSentence(result)
        resamplesFitted = result.resampledLaws.count
        crossValidation = result.crossValidation.map {
            CrossValidationSummary(folds: $0.folds, seed: $0.seed, delta: $0.delta, additiveMean: $0.additiveMean, joinedMean: $0.joinedMean,
                                   difference: $0.difference, standardError: $0.standardError, foldStandardError: $0.foldStandardError,
                                   preferred: $0.preferred, scores: $0.scores)
        }
        seconds = result.seconds
        resampledLaws = result.resampledLaws
    }
}
