import Foundation

/// The exponents and input dimension that define the data distribution (docs/theory.md §2):
/// an active coordinate i has variance i^-(1+α); it is active with probability p_i = min(1, i^-β).
public struct DataParameters: Hashable, Sendable, Codable {
    /// Amplitude exponent α (may be negative).
    public let alpha: Double
    /// Activation exponent β ≥ 0.
    public let beta: Double
    /// Input dimension M.
    public let inputDimension: InputDimension

    /// Validated parameters: β ≥ 0, α + β > 0, finite numbers, M = ∞ only with β > 1.
    public init(alpha: Double, beta: Double, inputDimension: InputDimension = .infinite) throws {
        guard alpha.isFinite else { throw ParameterError.invalid(parameter: .alpha, value: "\(alpha)", allowed: "a finite number") }
        guard beta.isFinite, beta >= 0 else {
            throw ParameterError.invalid(parameter: .beta, value: "\(beta)", allowed: "a finite number ≥ 0")
        }
        guard alpha + beta > 0 else {
            throw ParameterError.incompatible(
                parameter: .beta, value: "\(beta)", allowed: "β > −α", other: .alpha, otherValue: "\(alpha)",
                reason: "the model needs α + β > 0")
        }
        guard (1 + alpha + beta).isFinite else {
            throw ParameterError.invalid(
                parameter: .alpha, value: "\(alpha)", allowed: "1 + α + β within the range of a Double (here β = \(beta))")
        }
        if inputDimension == .infinite, !(beta > 1) {
            throw ParameterError.invalid(
                parameter: .inputDimension, value: "inf",
                allowed: "a finite M when β ≤ 1 (Σ p_i diverges, so M = ∞ needs β > 1)")
        }
        self.alpha = alpha
        self.beta = beta
        self.inputDimension = inputDimension
    }

    /// Activation probability p_i = min(1, i^-β) of coordinate i (1-based).
    @inlinable
    public func activationProbability(_ i: Int) -> Double {
        min(1, pow(Double(i), -beta))
    }

    /// Variance of an active coordinate, i^-(1+α).
    @inlinable
    public func activeVariance(_ i: Int) -> Double {
        pow(Double(i), -(1 + alpha))
    }

    /// Marginal variance λ_i = E[x_i²] = i^-(1+α+β) (i ≥ 1, where p_i = i^-β ≤ 1). One power, so it is
    /// finite and exact where i^-(1+α) overflows and i^-β underflows (α ≪ −1, β ≫ 1).
    @inlinable
    public func marginalVariance(_ i: Int) -> Double {
        pow(Double(i), -varianceExponent)
    }

    /// The exponent s = 1 + α + β of the marginal variances.
    public var varianceExponent: Double { 1 + alpha + beta }
}

