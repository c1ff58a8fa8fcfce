import Foundation

/// Exponents of the compute-optimal allocation N* ∝ C^(n), D* ∝ C^(d), L* ∝ C^(loss) under a
/// compute proxy C = N^a·D^b (docs/theory.md §4). The direct-solve proxy N·D·min(N, D) is a = 2, b = 1.
public struct ComputeOptimalExponents: Hashable, Sendable, Codable {
    /// Exponent a of N in the compute proxy.
    public let computeA: Double
    /// Exponent b of D in the compute proxy.
    public let computeB: Double
    /// N* ∝ C^nExponent.
    public let nExponent: Double
    /// D* ∝ C^dExponent.
    public let dExponent: Double
    /// L* ∝ C^lossExponent (negative).
    public let lossExponent: Double

    enum CodingKeys: String, CodingKey {
        case computeA = "compute_a", computeB = "compute_b"
        case nExponent = "n_exponent", dExponent = "d_exponent", lossExponent = "loss_exponent"
    }

    /// The allocation along the loss-balanced line N ≈ D^(α_D/α_N): for β > 1 (N ≈ D^(1/β))
    /// 1/(a+bβ), β/(a+bβ), −(α+β)/(a+bβ); for β ≤ 1 (one exponent, N ≈ D) 1/(a+b), 1/(a+b), −(α+β)/(a+b).
    /// Throws unless a and b are finite and > 0.
    public init(parameters: DataParameters, computeA a: Double = 2, computeB b: Double = 1) throws {
        guard a.isFinite, a > 0 else {
            throw ParameterError.invalid(parameter: .computeA, value: "\(a)", allowed: "a finite number > 0")
        }
        guard b.isFinite, b > 0 else {
            throw ParameterError.invalid(parameter: .computeB, value: "\(b)", allowed: "a finite number > 0")
        }
        let alphaN = parameters.alpha + parameters.beta
        let sizeRatio = parameters.beta > 1 ? parameters.beta : 1  // D ∝ N^sizeRatio on the balanced line
        let denominator = a + b * sizeRatio
        computeA = a
        computeB = b
        nExponent = 1 / denominator
        dExponent = sizeRatio / denominator
        lossExponent = -alphaN / denominator
    }
}
