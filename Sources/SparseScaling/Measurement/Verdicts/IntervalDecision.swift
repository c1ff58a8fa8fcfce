/// How a prediction compares with a measurement's confidence interval and a tolerance: the one rule
/// behind every verdict (the report's `ComparisonRow`, a sweep's `SweepPrediction`, the loss-curve rows).
///
/// - prediction inside the interval: `inconclusive` when the interval's half-width exceeds the
///   resolution (the measurement could hardly have disagreed), `agree` otherwise;
/// - outside it: `withinTolerance` when |measured − predicted| ≤ tolerance, `disagree` otherwise.
public enum IntervalDecision: String, Sendable, Codable, Hashable {
    case agree
    case inconclusive
    case withinTolerance
    case disagree

    /// The decision for `predicted` against `measured` with its interval [lower, upper] (half-width
    /// `halfWidth`, default (upper − lower)/2); `resolution` is the widest half-width that can still
    /// decide (nil: any), `tolerance` the largest difference allowed outside the interval (nil: none).
    public init(predicted: Double, measured: Double, lower: Double, upper: Double, halfWidth: Double? = nil,
                resolution: Double?, tolerance: Double?) {
        if lower <= predicted && predicted <= upper {
            if let resolution, (halfWidth ?? (upper - lower) / 2) > resolution {
                self = .inconclusive
            } else {
                self = .agree
            }
        } else if let tolerance, abs(measured - predicted) <= tolerance {
            self = .withinTolerance
        } else {
            self = .disagree
        }
    }

    /// The decision for a relative tolerance on top of the measurement's interval: `predicted` agrees
    /// with `measured` ± `margin` (an interval half-width, e.g. 1.96 SE) when
    /// |predicted − measured| ≤ `tolerance` + `margin`; inconclusive when it lies within the margin and
    /// the margin alone exceeds the tolerance; disagree otherwise.
    public init(predicted: Double, measured: Double, margin: Double, tolerance: Double) {
        self.init(predicted: predicted, measured: measured, lower: measured - margin, upper: measured + margin,
                  halfWidth: margin, resolution: tolerance, tolerance: tolerance + margin)
    }
}
