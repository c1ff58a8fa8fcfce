/// The quantities a calibration reports for one fitted additive law, each with a bootstrap interval.
public enum CalibratedQuantity: String, Sendable, Codable, Hashable, CaseIterable {
    /// E, the irreducible loss.
    case irreducible = "E"
    /// A, the model-size coefficient.
    case modelCoefficient = "A"
    /// B, the data-size coefficient.
    case dataCoefficient = "B"
    /// a, the model-size exponent (α_N = α + β).
    case modelExponent = "a"
    /// b, the data-size exponent (α_D = (α + β)/β).
    case dataExponent = "b"
    /// α = a − a/b of the sparse-feature model.
    case alpha
    /// β = a/b of the sparse-feature model.
    case beta
    /// b/(a + b): N* ∝ C^(b/(a+b)) under C = 6ND.
    case computeOptimalModelExponent = "n_opt_exponent"
    /// a/(a + b): D* ∝ C^(a/(a+b)).
    case computeOptimalDataExponent = "d_opt_exponent"
    /// N*(C) at the reporting compute.
    case optimalFeatureCount = "n_opt"
    /// D*(C) = C/(6N*) at the reporting compute.
    case optimalSampleCount = "d_opt"
    /// D*/N* at the reporting compute.
    case tokensPerParameter = "tokens_per_parameter"
    /// L(N*, D*) at the reporting compute: the predicted loss at that scale.
    case optimalLoss = "loss_opt"
    /// Where the model's ridgeless double-descent peak would sit at D*(C): N ≈ E[K(D*)] at β = a/b.
    case peakFeatureCount = "n_peak"

    /// A short description, for tables and column sidecars.
    public var meaning: String {
        switch self {
        case .irreducible: return "irreducible loss E of L = E + A/N^a + B/D^b"
        case .modelCoefficient: return "model-size coefficient A"
        case .dataCoefficient: return "data-size coefficient B"
        case .modelExponent: return "model-size exponent a (sparse-feature model: α_N = α + β)"
        case .dataExponent: return "data-size exponent b (sparse-feature model: α_D = (α + β)/β for β > 1)"
        case .alpha: return "α = a − a/b of the sparse-feature model"
        case .beta: return "β = a/b of the sparse-feature model (β > 1: two exponents)"
        case .computeOptimalModelExponent: return "b/(a + b): compute-optimal N* ∝ C^(b/(a+b)) under C = 6ND"
        case .computeOptimalDataExponent: return "a/(a + b): compute-optimal D* ∝ C^(a/(a+b))"
        case .optimalFeatureCount: return "compute-optimal model size N* at the reporting compute C"
        case .optimalSampleCount: return "compute-optimal data size D* = C/(6N*) at C"
        case .tokensPerParameter: return "tokens per parameter D*/N* at C"
        case .optimalLoss: return "predicted loss L(N*, D*) at C"
        case .peakFeatureCount:
            return "double-descent peak of the sparse-feature model at D*(C): N ≈ E[K(D*)] = Σ_i [1 − (1 − i^−β)^D*], β = a/b "
                + "(inf when β ≤ 1: no finite peak for M = ∞); N and D in the model's units, taken equal to the table's (an identification assumption)"
        }
    }
}
