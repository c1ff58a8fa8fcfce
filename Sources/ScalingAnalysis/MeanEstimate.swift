import Foundation

/// The sample mean of repeated measurements (e.g. one loss per seed) with its standard error.
public struct MeanEstimate: Sendable, Codable, Hashable {
    /// Arithmetic mean of the samples.
    public var mean: Double
    /// Sample standard deviation (denominator n − 1); nil for a single sample.
    public var standardDeviation: Double?
    /// Standard error of the mean, sd/√n; nil for a single sample (no spread is observable).
    public var standardError: Double?
    /// Number of samples.
    public var count: Int

    /// Mean and standard error of `samples`; throws for an empty list or non-finite values.
    /// With one sample the mean is that sample and `standardDeviation`/`standardError` are nil.
    public init(samples: [Double]) throws(AnalysisError) {
        try AnalysisError.checkFiniteSamples(samples, what: "mean estimate")
        let n = Double(samples.count)
        // Two-pass algorithm: mean first, then centred sum of squares (no cancellation).
        let mean = samples.reduce(0, +) / n
        self.mean = mean
        self.count = samples.count
        if samples.count > 1 {
            let ss = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let sd = (ss / (n - 1)).squareRoot()
            self.standardDeviation = sd
            self.standardError = sd / n.squareRoot()
        } else {
            self.standardDeviation = nil
            self.standardError = nil
        }
    }
}
