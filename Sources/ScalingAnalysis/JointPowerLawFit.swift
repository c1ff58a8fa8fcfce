import Foundation

/// Several scaling series fitted on log–log axes with one shared exponent and separate intercepts,
/// compared against separate exponents per series by a nested-model F test and by AIC.
public struct JointPowerLawFit: Sendable, Codable, Hashable {
    /// The shared decay exponent.
    public var sharedExponent: Double
    /// Standard error of the shared exponent (σ̂² = RSS_shared/(N − k − 1)).
    public var sharedExponentStandardError: Double
    /// Student-t interval for the shared exponent (N − k − 1 degrees of freedom).
    public var sharedExponentInterval: ConfidenceInterval
    /// ln c_i of each series under the shared exponent.
    public var sharedLogPrefactors: [Double]
    /// Each series fitted on its own (the unrestricted model).
    public var separateFits: [PowerLawFit]
    /// Residual sum of squares of the shared-exponent model (k + 1 coefficients).
    public var sharedResidualSumOfSquares: Double
    /// Residual sum of squares of the separate-exponent model (2k coefficients).
    public var separateResidualSumOfSquares: Double
    /// F = [(RSS_shared − RSS_separate)/(k − 1)] / [RSS_separate/(N − 2k)]; 0 when both RSS vanish.
    public var fStatistic: Double
    /// Numerator degrees of freedom, k − 1.
    public var fNumeratorDegreesOfFreedom: Int
    /// Denominator degrees of freedom, N − 2k.
    public var fDenominatorDegreesOfFreedom: Int
    /// P(F_{k−1, N−2k} > F): the probability of so large an improvement if the exponent is shared.
    public var pValue: Double
    /// AIC = N·ln(RSS/N) + 2(coefficients + 1) of the shared model (lower is better).
    public var sharedAIC: Double
    /// AIC of the separate-exponent model.
    public var separateAIC: Double
    /// The significance level of the verdict.
    public var significanceLevel: Double
    /// Total number of points N over all series.
    public var pointCount: Int

    /// The verdict: true when the shared exponent is rejected (pValue < significanceLevel).
    public var sharedExponentRejected: Bool { pValue < significanceLevel }
    /// Number of series k.
    public var seriesCount: Int { separateFits.count }

    /// Fits `series` (≥ 2, each with ≥ 3 points after taking its `tail` points of largest x).
    /// Intervals use `confidenceLevel`; the F test's verdict uses `significanceLevel`.
    public init(series: [[ScalingPoint]], tail: Int? = nil, weighting: FitWeighting = .unweighted,
                confidenceLevel: Double = 0.95, significanceLevel: Double = 0.05) throws(AnalysisError) {
        try PowerLawFit.validate(confidenceLevel: confidenceLevel)
        guard significanceLevel > 0, significanceLevel < 1 else {
            throw .invalidParameter(name: "significance level", value: significanceLevel,
                                    allowed: "a probability strictly between 0 and 1")
        }
        guard series.count >= 2 else {
            throw .tooFewPoints(what: "joint fit (number of series)", count: series.count, required: 2)
        }
        var data: [LogLogData] = []
        var fits: [PowerLawFit] = []
        for (i, s) in series.enumerated() {
            data.append(try LogLogData(points: s, tail: tail, weighting: weighting, minimumCount: 3,
                                       what: "joint fit series \(i)"))
            fits.append(try PowerLawFit(points: s, tail: tail, weighting: weighting,
                                        confidenceLevel: confidenceLevel))
        }
        let k = data.count
        let n = data.reduce(0) { $0 + $1.count }
        // Shared slope: pooled within-series regression.
        let svv = data.reduce(0) { $0 + $1.svv }
        let slope = data.reduce(0) { $0 + $1.svu } / svv
        let intercepts = data.map { $0.uMean - slope * $0.vMean }
        let rssShared = zip(data, intercepts).reduce(0) {
            $0 + $1.0.residualSumOfSquares(slope: slope, intercept: $1.1)
        }
        let rssSeparate = fits.reduce(0) { $0 + $1.residualSumOfSquares }
        let dofShared = n - k - 1
        let se = (rssShared / Double(dofShared) / svv).squareRoot()
        let t = StudentT.quantile((1 + confidenceLevel) / 2, degreesOfFreedom: Double(dofShared))
        let d1 = k - 1, d2 = n - 2 * k
        // The separate model can only reduce RSS; clamp rounding noise at 0.
        let gain = max(0, rssShared - rssSeparate)
        var f: Double
        if rssSeparate > 0 {
            f = (gain / Double(d1)) / (rssSeparate / Double(d2))
        } else {
            f = gain > 0 ? .infinity : 0
        }
        sharedExponent = -slope
        sharedExponentStandardError = se
        sharedExponentInterval = ConfidenceInterval(lower: -slope - t * se, upper: -slope + t * se,
                                                    level: confidenceLevel)
        sharedLogPrefactors = intercepts
        separateFits = fits
        sharedResidualSumOfSquares = rssShared
        separateResidualSumOfSquares = rssSeparate
        fStatistic = f
        fNumeratorDegreesOfFreedom = d1
        fDenominatorDegreesOfFreedom = d2
        pValue = FDistribution.survival(f, numeratorDegreesOfFreedom: Double(d1),
                                        denominatorDegreesOfFreedom: Double(d2))
        sharedAIC = Self.aic(rss: rssShared, points: n, coefficients: k + 1)
        separateAIC = Self.aic(rss: rssSeparate, points: n, coefficients: 2 * k)
        self.significanceLevel = significanceLevel
        pointCount = n
    }

    /// Gaussian AIC N·ln(RSS/N) + 2(p + 1), counting the noise variance as a parameter;
    /// −∞ for an exact fit.
    static func aic(rss: Double, points: Int, coefficients: Int) -> Double {
        let n = Double(points)
        return n * log(rss / n) + 2 * Double(coefficients + 1)
    }
}
