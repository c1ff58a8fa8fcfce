import ScalingAnalysis
import ScalingTheory

/// The theory's exponent for a sweep (MODEL.md §4) and whether a fit's 95% CI contains it.
///
/// N-sweeps: α_N = α + β (data-rich limit). D-sweeps: α_D = (α + β)/β for sparse data with β > 1,
/// α + β otherwise (model-rich limit). The prediction is asymptotic: a finite sweep away from its limit
/// may miss it without contradicting the theory.
public struct SweepPrediction: Sendable {
    /// The predicted exponent a of L ∝ x^(−a).
    public let exponent: Double
    /// Which exponent it is, e.g. "α_N = α + β".
    public let name: String

    /// The prediction for a sweep along `variable` at these parameters and data kind.
    public init(parameters: DataParameters, data: DataKind, variable: SweptVariable) {
        let sum = parameters.alpha + parameters.beta
        switch variable {
        case .n:
            exponent = sum
            name = "α_N = α + β"
        case .d where data == .sparse && parameters.beta > 1:
            exponent = sum / parameters.beta
            name = "α_D = (α + β)/β"
        case .d:
            exponent = sum
            name = "α_D = α + β"
        }
    }

    /// Whether the fit's 95% CI holds the predicted exponent.
    public func isInside(_ fit: PowerLawFit) -> Bool {
        fit.exponentInterval.lower <= exponent && exponent <= fit.exponentInterval.upper
    }

    /// "theory α_N = α + β = 2: inside the 95% CI" (or "outside").
    public func verdict(_ fit: PowerLawFit) -> String {
        "theory \(name) = \(fourSignificantDigits(exponent)): \(isInside(fit) ? "inside" : "outside") the 95% CI"
    }
}
