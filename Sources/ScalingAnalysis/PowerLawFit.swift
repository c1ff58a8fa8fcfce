import Foundation

/// A least-squares fit of L = c·x^(−exponent) on log–log axes (ln L = ln c − exponent·ln x),
/// with the exponent's standard error and Student-t confidence interval (n − 2 degrees of freedom).
public struct PowerLawFit: Sendable, Codable, Hashable {
    /// The decay exponent (positive when L falls with x).
    public var exponent: Double
    /// Standard error of the exponent, √(σ̂²/Σw(ln x − mean)²) with σ̂² = RSS/(n − 2).
    public var exponentStandardError: Double
    /// Two-sided confidence interval exponent ± t_{(1+level)/2, n−2}·SE.
    public var exponentInterval: ConfidenceInterval
    /// The intercept ln c (natural logarithm).
    public var logPrefactor: Double
    /// Standard error of ln c.
    public var logPrefactorStandardError: Double
    /// Coefficient of determination of the log–log regression (1 when the points lie exactly on a
    /// power law; defined as 1 when ln L is constant and fitted exactly).
    public var rSquared: Double
    /// (Weighted) residual sum of squares in ln L.
    public var residualSumOfSquares: Double
    /// Number of points used (after taking the tail).
    public var pointCount: Int
    /// Smallest and largest x among the points used.
    public var xRange: ClosedRange<Double>
    /// The weighting used.
    public var weighting: FitWeighting

    /// The prefactor c.
    public var prefactor: Double { exp(logPrefactor) }
    /// Residual degrees of freedom, n − 2.
    public var degreesOfFreedom: Int { pointCount - 2 }

    /// The fitted curve c·x^(−exponent) at `x`.
    public func predicted(at x: Double) -> Double { exp(logPrefactor - exponent * log(x)) }

    /// Fits the `tail` points of largest x (all points if nil). Needs ≥ 3 points with positive
    /// finite x and y (and positive standard errors when weighted), and at least two distinct x.
    public init(points: [ScalingPoint], tail: Int? = nil, weighting: FitWeighting = .unweighted,
                confidenceLevel: Double = 0.95) throws(AnalysisError) {
        try Self.validate(confidenceLevel: confidenceLevel)
        let data = try LogLogData(points: points, tail: tail, weighting: weighting,
                                  minimumCount: 3, what: "power-law fit")
        let slope = data.svu / data.svv
        let intercept = data.uMean - slope * data.vMean
        let rss = data.residualSumOfSquares(slope: slope, intercept: intercept)
        let n = data.count
        let sigma2 = rss / Double(n - 2)
        let se = (sigma2 / data.svv).squareRoot()
        let wSum = data.w.reduce(0, +)
        let t = StudentT.quantile((1 + confidenceLevel) / 2, degreesOfFreedom: Double(n - 2))
        exponent = -slope
        exponentStandardError = se
        exponentInterval = ConfidenceInterval(lower: -slope - t * se, upper: -slope + t * se,
                                              level: confidenceLevel)
        logPrefactor = intercept
        logPrefactorStandardError = (sigma2 * (1 / wSum + data.vMean * data.vMean / data.svv))
            .squareRoot()
        if data.suu > 0 {
            rSquared = 1 - rss / data.suu
        } else {
            rSquared = rss == 0 ? 1 : 0
        }
        residualSumOfSquares = rss
        pointCount = n
        xRange = data.xRange
        self.weighting = weighting
    }

    /// Fits parallel arrays of x and y (unweighted unless standard errors are given).
    public init(x: [Double], y: [Double], standardErrors: [Double]? = nil, tail: Int? = nil,
                weighting: FitWeighting = .unweighted,
                confidenceLevel: Double = 0.95) throws(AnalysisError) {
        guard x.count == y.count, standardErrors.map({ $0.count == x.count }) ?? true else {
            throw .invalidParameter(name: "array length", value: Double(y.count),
                                    allowed: "x, y and standard errors of equal length \(x.count)")
        }
        let points = x.indices.map { ScalingPoint(x: x[$0], y: y[$0], standardError: standardErrors?[$0]) }
        try self.init(points: points, tail: tail, weighting: weighting, confidenceLevel: confidenceLevel)
    }

    static func validate(confidenceLevel: Double) throws(AnalysisError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidParameter(name: "confidence level", value: confidenceLevel,
                                    allowed: "a probability strictly between 0 and 1")
        }
    }
}
