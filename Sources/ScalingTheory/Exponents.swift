import Foundation

/// Which scaling law the parameters produce (docs/theory.md §4).
public enum ScalingLaw: String, Hashable, Sendable, Codable, CaseIterable {
    /// β ≤ 1: α_D = α_N = α + β, symmetric as in the dense model.
    case oneExponent = "one-exponent"
    /// β > 1: α_D = (α + β)/β < α_N, the asymmetric law of sparse features.
    case twoExponent = "two-exponent"
}

/// The scaling exponents of L ∝ N^(−α_N) (data-rich) and L ∝ D^(−α_D) (model-rich), docs/theory.md §4.
public struct ScalingExponents: Hashable, Sendable, Codable {
    /// α_N = α + β, the model-size exponent (all β).
    public let alphaN: Double
    /// α_D: α + β for β ≤ 1, (α + β)/β for β > 1.
    public let alphaD: Double
    /// α_N/α_D: 1 for β ≤ 1, β for β > 1.
    public let asymmetryRatio: Double
    /// One exponent (β ≤ 1) or two (β > 1).
    public let law: ScalingLaw

    /// The exponents of validated parameters.
    public init(parameters: DataParameters) {
        let alphaN = parameters.alpha + parameters.beta
        self.alphaN = alphaN
        if parameters.beta > 1 {
            alphaD = alphaN / parameters.beta
            asymmetryRatio = parameters.beta
            law = .twoExponent
        } else {
            alphaD = alphaN
            asymmetryRatio = 1
            law = .oneExponent
        }
    }
}

extension DataParameters {
    /// The scaling exponents α_N, α_D and their ratio.
    public var exponents: ScalingExponents { ScalingExponents(parameters: self) }
}
