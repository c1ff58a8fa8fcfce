import Foundation

/// The Wilson score interval for a binomial proportion, e.g. the GD failure probability
/// P̂ = failures/replicates; unlike the Wald interval it stays inside [0, 1] and is useful at P̂ = 0.
public struct WilsonInterval: Sendable, Codable, Hashable {
    /// Number of events (e.g. failures).
    public var count: Int
    /// Number of trials (e.g. replicates).
    public var trials: Int
    /// The point estimate count/trials.
    public var proportion: Double
    /// The interval (p̂ + z²/2n ∓ z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
    public var interval: ConfidenceInterval

    /// Lower end of the interval.
    public var lower: Double { interval.lower }
    /// Upper end of the interval.
    public var upper: Double { interval.upper }

    /// The interval for `count` events out of `trials` (0 ≤ count ≤ trials, trials ≥ 1),
    /// with z the standard-normal quantile at (1 + confidenceLevel)/2.
    public init(count: Int, trials: Int, confidenceLevel: Double = 0.95) throws(AnalysisError) {
        guard trials >= 1 else {
            throw .tooFewPoints(what: "Wilson interval (trials)", count: trials, required: 1)
        }
        guard count >= 0, count <= trials else {
            throw .invalidParameter(name: "event count", value: Double(count),
                                    allowed: "an integer between 0 and \(trials)")
        }
        try PowerLawFit.validate(confidenceLevel: confidenceLevel)
        let n = Double(trials)
        let p = Double(count) / n
        let z = StandardNormal.quantile((1 + confidenceLevel) / 2)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        self.count = count
        self.trials = trials
        proportion = p
        // Exact ends at p̂ = 0 and 1 (the formula gives them up to rounding).
        interval = ConfidenceInterval(lower: count == 0 ? 0 : max(0, centre - half),
                                      upper: count == trials ? 1 : min(1, centre + half),
                                      level: confidenceLevel)
    }
}
