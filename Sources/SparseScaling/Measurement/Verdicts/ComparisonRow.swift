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

extension Verdict {
    /// The report's verdict for a decision of the shared rule.
    public init(_ decision: IntervalDecision) {
        switch decision {
        case .agree: self = .agree
        case .inconclusive: self = .inconclusive
        case .withinTolerance: self = .agreeWithinTolerance
        case .disagree: self = .disagree
        }
    }
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
        let half = 1.96 * (standardError ?? 0)
        self.init(quantity: quantity, predicted: predicted, predictedText: nil, measured: measured,
                  standardError: standardError, tolerance: tolerance, judge: { measured in
            let ci = interval ?? (measured - half, measured + half)
            // Half-width of the CI against the tolerance: wider means it could hardly disagree.
            return (ci, Verdict(IntervalDecision(
                predicted: predicted, measured: measured, lower: ci.0, upper: ci.1,
                halfWidth: interval.map { ($0.1 - $0.0) / 2 } ?? half, resolution: tolerance, tolerance: tolerance)))
        })
    }

    /// A row whose tolerance comes on top of the measurement's noise (e.g. a relative error against
    /// its tolerance): agree when |predicted − measured| ≤ tolerance + 1.96 SE, inconclusive when the
    /// prediction lies within 1.96 SE and 1.96 SE alone exceeds the tolerance, disagree otherwise.
    public init(quantity: String, predicted: Double, measured: Double?, standardError: Double, toleranceBeyondNoise tolerance: Double) {
        let noise = 1.96 * standardError
        self.init(quantity: quantity, predicted: predicted, predictedText: nil, measured: measured,
                  standardError: standardError, tolerance: tolerance, judge: !standardError.isFinite ? nil : { measured in
            ((measured - noise, measured + noise),
             Verdict(IntervalDecision(predicted: predicted, measured: measured, margin: noise, tolerance: tolerance)))
        })
    }

    /// A row for a one-sided prediction "the quantity is positive": agree when the 95% CI lies above 0,
    /// disagree when it lies at or below 0, inconclusive when it contains 0.
    public init(positiveQuantity quantity: String, measured: Double?, standardError: Double?) {
        self.init(quantity: quantity, predicted: 0, predictedText: "> 0", measured: measured,
                  standardError: standardError, tolerance: nil, judge: standardError.map { se in { measured in
            let half = 1.96 * se
            return ((measured - half, measured + half),
                    measured - half > 0 ? .agree : (measured + half <= 0 ? .disagree : .inconclusive))
        } })
    }

    /// The fields, with the CI and verdict of a finite measurement from `judge`; not measured without
    /// a finite measurement or without a judge (no usable standard error).
    private init(quantity: String, predicted: Double, predictedText: String?, measured: Double?, standardError: Double?,
                 tolerance: Double?, judge: ((Double) -> (ci: (Double, Double), verdict: Verdict))?) {
        self.quantity = quantity
        self.predicted = predicted
        self.predictedText = predictedText
        self.measured = measured
        self.standardError = standardError
        self.tolerance = tolerance
        if let measured, measured.isFinite, let judge {
            let judged = judge(measured)
            (ciLower, ciUpper, verdict) = (judged.ci.0, judged.ci.1, judged.verdict)
        } else {
            (ciLower, ciUpper, verdict) = (nil, nil, .notMeasured)
        }
    }
}
