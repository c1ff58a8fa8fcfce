import Foundation
import ScalingAnalysis

/// The law of K = |S| = Σ_i Bernoulli(P_i), P_i = 1 − (1 − p_i)^D (a Poisson-binomial), with the
/// unobserved mass T = Σ_i λ_i U_i (U_i = 1 − Bernoulli(P_i)) jointly: means, variances and their covariance
/// (exact sums), and K's probabilities in the normal approximation with continuity correction.
public struct ObservedCoordinateLaw: Sendable, Hashable, Codable {
    /// E[K].
    public let mean: Double
    /// Var K = Σ P_i(1 − P_i).
    public let variance: Double
    /// E[T] = Σ λ_i (1 − p_i)^D.
    public let unobservedMass: Double
    /// Cov(T, K) = −Σ λ_i P_i(1 − P_i).
    public let covariance: Double
    /// Var T = Σ λ_i² P_i(1 − P_i).
    public let unobservedVariance: Double

    /// The law of K at data size D ≥ 1 (sums to ~1e-8 relative).
    public init(parameters: DataParameters, sampleCount d: Double) {
        precondition(d >= 1 && d.isFinite, "data size D must be finite and ≥ 1")
        mean = parameters.expectedObservedCoordinates(sampleCount: d)
        unobservedMass = parameters.modelRichLoss(sampleCount: d)
        let beta = parameters.beta, s = parameters.varianceExponent
        let sums = CoordinateSum.sum(
            upTo: parameters.inputDimension.finiteValue,
            numericEnd: pow(d / 1e-9, 1 / max(beta, 1e-3)),
            { x in
                let p = x <= 1 ? 1 : pow(x, -beta)
                let unobserved = exp(d * log1p(-p))
                let bernoulliVariance = (1 - unobserved) * unobserved
                let lambda = pow(x, -s)
                return SIMD4(bernoulliVariance, lambda * bernoulliVariance, lambda * lambda * bernoulliVariance, 0)
            },
            asymptoticIntegral: { a, b in
                // P_i(1 − P_i) → D p_i far out.
                SIMD4(d * EulerMaclaurin.powerIntegral(beta, from: a, to: b),
                      d * EulerMaclaurin.powerIntegral(s + beta, from: a, to: b),
                      d * EulerMaclaurin.powerIntegral(2 * s + beta, from: a, to: b), 0)
            })
        variance = sums[0]
        covariance = -sums[1]
        unobservedVariance = sums[2]
    }

    /// Standard deviation of K.
    public var standardDeviation: Double { variance.squareRoot() }

    /// P(K ≤ k) ≈ Φ((k + ½ − E[K])/sd K).
    public func cdf(_ k: Int) -> Double {
        guard variance > 0 else { return Double(k) + 0.5 >= mean ? 1 : 0 }
        return StandardNormal.cdf((Double(k) + 0.5 - mean) / standardDeviation)
    }

    /// P(K = k) ≈ Φ((k + ½ − E[K])/sd) − Φ((k − ½ − E[K])/sd), computed on the side of the mean
    /// where it keeps relative accuracy.
    public func probability(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        if Double(k) >= mean {
            return survival(k - 1) - survival(k)
        }
        return cdf(k) - cdf(k - 1)
    }

    /// P(K > k).
    public func survival(_ k: Int) -> Double {
        guard variance > 0 else { return Double(k) + 0.5 < mean ? 1 : 0 }
        return StandardNormal.cdf(-(Double(k) + 0.5 - mean) / standardDeviation)
    }

    /// E[T | K = k] in the bivariate normal approximation, E[T] + Cov(T, K)/Var K·(k − E[K]), kept ≥ 0.
    public func conditionalUnobservedMass(given k: Int) -> Double {
        guard variance > 0 else { return unobservedMass }
        return max(0, unobservedMass + covariance / variance * (Double(k) - mean))
    }

    /// Var(T | K) = Var T − Cov(T, K)²/Var K in the bivariate normal approximation, kept ≥ 0.
    public var conditionalUnobservedVariance: Double {
        guard variance > 0 else { return unobservedVariance }
        return max(0, unobservedVariance - covariance * covariance / variance)
    }

    /// The values of k holding all but ~1e-12 of the probability (±7 sd around the mean).
    public var support: ClosedRange<Int> {
        let half = 7 * standardDeviation + 1
        let lo = max(0, Int((mean - half).rounded(.down)))
        return lo...max(lo, Int((mean + half).rounded(.up)))
    }
}
