import Foundation

/// Snedecor's F distribution with (d₁, d₂) degrees of freedom, for nested-model comparisons.
public enum FDistribution {
    /// P(F ≤ f) = I_{d₁f/(d₁f+d₂)}(d₁/2, d₂/2) for f ≥ 0.
    public static func cdf(_ f: Double, numeratorDegreesOfFreedom d1: Double,
                           denominatorDegreesOfFreedom d2: Double) -> Double {
        precondition(d1 > 0 && d2 > 0, "F distribution needs positive degrees of freedom")
        if f <= 0 { return 0 }
        if f.isInfinite { return 1 }
        return IncompleteBeta.regularized(d1 * f / (d1 * f + d2), a: d1 / 2, b: d2 / 2)
    }

    /// P(F > f), the p-value of an F statistic, computed as I_{d₂/(d₂+d₁f)}(d₂/2, d₁/2) so that
    /// small p-values keep their relative accuracy.
    public static func survival(_ f: Double, numeratorDegreesOfFreedom d1: Double,
                                denominatorDegreesOfFreedom d2: Double) -> Double {
        precondition(d1 > 0 && d2 > 0, "F distribution needs positive degrees of freedom")
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        return IncompleteBeta.regularized(d2 / (d2 + d1 * f), a: d2 / 2, b: d1 / 2)
    }
}
