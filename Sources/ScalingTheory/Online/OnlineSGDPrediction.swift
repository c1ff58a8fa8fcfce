import Foundation

/// OUR OWN prediction for one-pass SGD (docs/theory.md §7.3; the paper has none): with N = ∞ and the
/// coordinates decoupled (orthonormal embedding, co-activation neglected), coordinate i's error is
/// multiplied by (1 − η a_i ξ²), a_i = i^−(1+α), each time it is active, so after t steps
///     E[L_∞(t)] = Σ_i λ_i (1 − p_i (2η a_i − 3η² a_i²))^t  ≈  Γ(1 − 1/s)/s · (2ηt)^−(α+β)/s,  s = 1+α+β:
/// coordinate i is learned once seen ~1/(η a_i) times, i.e. once 2ηλ_i t ≳ 1. With a finite-N term
/// ∝ N^−(α+β), L ≈ A·N^−a_N + B·t^−a_t (a_N = α+β, a_t = (α+β)/s) and compute C = N·t give the frontier
/// N* ∝ C^(a_t/(a_N+a_t)), t* ∝ C^(a_N/(a_N+a_t)), L* ∝ C^(−a_N·a_t/(a_N+a_t)) = C^(−(α+β)/(2+α+β)).
extension DataParameters {
    /// E[L_∞(t)] of the decoupled model above for constant step η (∞ when a coordinate's factor
    /// reaches 1 in absolute value, i.e. the step is unstable). About 1e-3 relative.
    public func onlineLoss(steps t: Double, stepSize eta: Double) -> Double {
        let s = varianceExponent
        let m = inputDimension.finiteValue
        // The cutoff is computed in floating point and capped (2^24 terms), so no η or t overflows it or
        // makes the sum's cost grow without bound; an unstable η returns at i = 1.
        let wanted = 4 * pow(2 * eta * max(t, 1) * 1e3, 1 / s)
        let cutoff = Int(min(Double(m ?? Int.max), max(2000, min(wanted.isFinite ? wanted : .infinity, Double(1 << 24)))))
        var sum = 0.0
        for i in 1...cutoff {
            let a = activeVariance(i)
            let factor = 1 - activationProbability(i) * (2 * eta * a - 3 * eta * eta * a * a)
            // Not below 1 in absolute value, or NaN (η² overflowing against an activation probability of 0): unstable.
            if !(abs(factor) < 1), t > 0 { return .infinity }
            sum += marginalVariance(i) * pow(factor, t)
        }
        // Beyond the cutoff 2ηλ_i t < 1e-3: the factor is 1 to that accuracy.
        if m == nil || m! > cutoff {
            sum += Zeta.hurwitz(s, Double(cutoff) + 1) - (m.map { Zeta.hurwitz(s, Double($0) + 1) } ?? 0)
        }
        return sum
    }

    /// a_t = (α+β)/(1+α+β), our predicted exponent of the one-pass SGD loss in the number of steps t.
    public var onlineStepExponent: Double { (alpha + beta) / varianceExponent }

    /// Our predicted compute-optimal exponents of one-pass SGD under C = N·t, from a_N = α+β and
    /// a_t: (N* exponent, t* exponent, L* decay exponent).
    public var onlineFrontierExponents: (featureCount: Double, steps: Double, loss: Double) {
        Self.frontierExponents(modelExponent: alpha + beta, stepExponent: onlineStepExponent)
    }

    /// Frontier exponents of L = A·N^−aN + B·t^−at under C = N·t: N* ∝ C^(at/(aN+at)),
    /// t* ∝ C^(aN/(aN+at)), L* ∝ C^(−aN·at/(aN+at)).
    public static func frontierExponents(modelExponent aN: Double, stepExponent at: Double) -> (featureCount: Double, steps: Double, loss: Double) {
        (at / (aN + at), aN / (aN + at), aN * at / (aN + at))
    }
}
