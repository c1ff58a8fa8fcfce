import Foundation

/// How a measurement compares with its prediction.
public enum Verdict: String, Sendable, Codable {
    /// The prediction lies inside the measurement's 95% confidence interval, and the interval is
    /// no wider than the tolerance on either side (so a disagreement of that size would have shown).
    case agree
    /// The prediction lies inside the 95% CI, but the CI is wider than the tolerance: the measurement
    /// cannot tell agreement from a disagreement larger than the tolerance. For a one-sided
    /// prediction ("> 0"): the CI contains the boundary.
    case inconclusive
    /// Outside the 95% CI but within the stated tolerance.
    case agreeWithinTolerance = "agree within tolerance"
    /// Outside both.
    case disagree
    /// Nothing was measured (e.g. the fit failed).
    case notMeasured = "not measured"
}

/// One row of the report's "prediction vs measurement" table.
public struct ComparisonRow: Sendable, Codable {
    /// What is compared, e.g. "α_D (sparse linear D-sweep)".
    public let quantity: String
    /// The predicted value.
    public let predicted: Double
    /// The measured value and its standard error.
    public let measured: Double?
    public let standardError: Double?
    /// The 95% confidence interval of the measurement.
    public let ciLower: Double?
    public let ciUpper: Double?
    /// The tolerance allowed around the prediction (nil: only the CI counts).
    public let tolerance: Double?
    /// The verdict.
    public let verdict: Verdict
    /// The prediction as text when it is not a single number (e.g. "> 0").
    public let predictedText: String?

    /// A row from a measurement with a normal-approximation 95% CI (± 1.96 SE) unless an interval is given.
    public init(quantity: String, predicted: Double, measured: Double?, standardError: Double?,
                interval: (Double, Double)? = nil, tolerance: Double?) {
        self.quantity = quantity
        self.predicted = predicted
        self.measured = measured
        self.standardError = standardError
        self.tolerance = tolerance
        predictedText = nil
        if let measured, measured.isFinite {
            let half = 1.96 * (standardError ?? 0)
            let ci = interval ?? (measured - half, measured + half)
            ciLower = ci.0
            ciUpper = ci.1
            if predicted >= ci.0 && predicted <= ci.1 {
                // Half-width of the CI against the tolerance: wider means it could hardly disagree.
                let halfWidth = interval.map { ($0.1 - $0.0) / 2 } ?? half
                if let tolerance, halfWidth > tolerance {
                    verdict = .inconclusive
                } else {
                    verdict = .agree
                }
            } else if let tolerance, abs(measured - predicted) <= tolerance {
                verdict = .agreeWithinTolerance
            } else {
                verdict = .disagree
            }
        } else {
            ciLower = nil
            ciUpper = nil
            verdict = .notMeasured
        }
    }

    /// A row for a one-sided prediction "the quantity is positive": agree when the 95% CI lies above 0,
    /// disagree when it lies at or below 0, inconclusive when it contains 0.
    public init(positiveQuantity quantity: String, measured: Double?, standardError: Double?) {
        self.quantity = quantity
        predicted = 0
        predictedText = "> 0"
        self.measured = measured
        self.standardError = standardError
        tolerance = nil
        if let measured, measured.isFinite, let se = standardError {
            ciLower = measured - 1.96 * se
            ciUpper = measured + 1.96 * se
            verdict = measured - 1.96 * se > 0 ? .agree : (measured + 1.96 * se <= 0 ? .disagree : .inconclusive)
        } else {
            ciLower = nil
            ciUpper = nil
            verdict = .notMeasured
        }
    }
}
