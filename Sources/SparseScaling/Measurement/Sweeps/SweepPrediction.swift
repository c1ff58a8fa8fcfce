import ScalingAnalysis
import ScalingTheory

/// The theory's exponent for a sweep (docs/theory.md §4) and whether a fit's 95% CI contains it.
///
/// N-sweeps: α_N = α + β (data-rich limit). D-sweeps: α_D = (α + β)/β for sparse data with β > 1,
/// α + β otherwise (model-rich limit). The prediction is asymptotic: a finite sweep away from its limit
/// may miss it without contradicting the theory.
package struct SweepPrediction: Sendable {
    /// The predicted exponent a of L ∝ x^(−a).
    public let exponent: Double
    /// Which exponent it is, e.g. "α_N = α + β".
    public let name: String
    /// The precision a fit's CI must reach to decide: half the distance to the competing exponent
    /// (`Precision`: symmetric scaling for α_N and the sparse α_D, the sparse value for a dense α_D).
    public let precision: SourcedValue

    /// The prediction for a sweep along `variable` at these parameters and data kind.
    public init(parameters: DataParameters, data: DataKind, variable: SweptVariable) {
        let (alpha, beta) = (parameters.alpha, parameters.beta)
        let sum = alpha + beta
        let alternative: Precision.Alternative
        switch variable {
        case .n:
            exponent = sum
            name = "α_N = α + β"
            alternative = Precision.symmetricModelExponent(alpha: alpha, beta: beta)
        case .d where data == .sparse && beta > 1:
            exponent = sum / beta
            name = "α_D = (α + β)/β"
            alternative = Precision.symmetricDataExponent(alpha: alpha, beta: beta)
        case .d:
            exponent = sum
            name = "α_D = α + β"
            alternative = Precision.Alternative("sparse-data scaling α_D = (α + β)/β", sum / beta)
        }
        precision = Precision.exponent(exponent, alternatives: [alternative])
    }

    /// Whether the fit's 95% CI holds the predicted exponent.
    public func isInside(_ fit: PowerLawFit) -> Bool {
        fit.exponentInterval.lower <= exponent && exponent <= fit.exponentInterval.upper
    }

    /// How the fit compares with the prediction.
    public enum Verdict: String, Sendable {
        /// The 95% CI holds the prediction and is narrow enough to have missed it.
        case inside
        /// The 95% CI does not hold the prediction.
        case outside
        /// The 95% CI holds the prediction but is wider than `precision`.
        case inconclusive
    }

    /// The verdict for `fit`.
    public func verdict(of fit: PowerLawFit) -> Verdict {
        // The shared rule with no tolerance outside the CI: the precision is a resolution only.
        switch IntervalDecision(predicted: exponent, measured: fit.exponent, lower: fit.exponentInterval.lower,
                                upper: fit.exponentInterval.upper, resolution: precision.value, tolerance: nil) {
        case .agree: return .inside
        case .inconclusive: return .inconclusive
        case .disagree: return .outside
        }
    }

    /// "theory α_N = α + β = 2: inside the 95% CI" (or "outside the 95% CI", or "inconclusive: …").
    public func verdict(_ fit: PowerLawFit) -> String {
        let head = "theory \(name) = \(fourSignificantDigits(exponent)): "
        switch verdict(of: fit) {
        case .inside: return head + "inside the 95% CI"
        case .outside: return head + "outside the 95% CI"
        case .inconclusive:
            return head + "inconclusive (inside the 95% CI, but its half-width exceeds the precision \(fourSignificantDigits(precision.value)): \(precision.source))"
        }
    }
}
