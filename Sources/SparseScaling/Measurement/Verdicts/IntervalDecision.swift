/// How a prediction compares with a measurement's 95% confidence interval: the one rule behind every
/// verdict (the report's `ComparisonRow`, a sweep's `SweepPrediction`, the loss-curve rows).
///
/// - the interval holds the prediction: `agree`, or `inconclusive` when its half-width exceeds the
///   stated precision (`resolution`): the measurement could not have disagreed by that much;
/// - the interval excludes the prediction: `disagree`. Nothing outside the interval agrees.
public enum IntervalDecision: String, Sendable, Codable, Hashable {
    case agree
    case inconclusive
    case disagree

    /// The decision for `predicted` against `measured` with its interval [lower, upper] (half-width
    /// `halfWidth`, default (upper − lower)/2). `resolution` is the derived precision: the widest
    /// half-width that can still decide (nil: any). `tolerance` nil is the pure CI rule; a value is the
    /// prediction's own computed uncertainty (e.g. its numerical error, printed with its source by the
    /// caller): the prediction then agrees when [predicted − tolerance, predicted + tolerance] meets the CI.
    public init(predicted: Double, measured: Double, lower: Double, upper: Double, halfWidth: Double? = nil,
                resolution: Double?, tolerance: Double?) {
        let slack = max(0, tolerance ?? 0)
        guard lower - slack <= predicted && predicted <= upper + slack else {
            self = .disagree
            return
        }
        if let resolution, (halfWidth ?? (upper - lower) / 2) > resolution {
            self = .inconclusive
        } else {
            self = .agree
        }
    }

    /// The decision for a one-sided prediction "the quantity exceeds `bound`" from the measurement's
    /// one-sided 95% bounds: agree when the lower bound exceeds `bound`, disagree when the upper bound
    /// is at or below it, inconclusive otherwise.
    public init(exceeds bound: Double, lowerBound: Double, upperBound: Double) {
        if lowerBound > bound {
            self = .agree
        } else if upperBound <= bound {
            self = .disagree
        } else {
            self = .inconclusive
        }
    }
}
