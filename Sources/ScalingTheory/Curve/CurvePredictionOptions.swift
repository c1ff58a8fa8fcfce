/// Choices of the curve prediction that are approximations (see the README's "Loss curve" decisions).
public struct CurvePredictionOptions: Sendable, Hashable, Codable {
    /// How the overparameterized mean treats the spread of the rank r ≈ K.
    public enum OverparameterizedMean: String, Sendable, Hashable, Codable, CaseIterable {
        /// E[T]·(N − 1)/(N − 1 − E[K]) (docs/theory.md §6.3).
        case pluggedIn = "plugged-in"
        /// Σ_k P(K = k)·E[T]·(N − 1)/(N − 1 − k) over k ≤ N − 2 (Jensen: r's spread raises the mean).
        case rankMixture = "rank mixture"
        /// As `rankMixture` with E[T | K = k] (T and K are negatively correlated) in place of E[T].
        case rankMixtureConditional = "rank mixture, E[T | K]"
    }

    /// The finite-N correction of the underparameterized side.
    public var correction: FiniteSizeCorrection
    /// The overparameterized mean.
    public var overparameterizedMean: OverparameterizedMean
    /// N is in the peak band when both P(K ≥ N − 1) and P(K ≤ N + 1) are at least this probability.
    public var bandProbability: Double

    /// Options with the given choices; the defaults are the best measured (README, "Loss curve").
    public init(correction: FiniteSizeCorrection = .standard,
                overparameterizedMean: OverparameterizedMean = .pluggedIn,
                bandProbability: Double = 1e-3) {
        precondition(bandProbability > 0 && bandProbability < 0.5, "band probability must be in (0, ½)")
        self.correction = correction
        self.overparameterizedMean = overparameterizedMean
        self.bandProbability = bandProbability
    }
}
