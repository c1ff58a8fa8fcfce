import Foundation

/// Student's t distribution with ν degrees of freedom: CDF and quantile via the incomplete beta.
public enum StudentT {
    /// P(T ≤ t) for ν > 0; uses P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, ½).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "Student t needs ν > 0")
        if t.isNaN { return .nan }
        let twoSided = twoSidedPValue(t, degreesOfFreedom: nu)
        return t >= 0 ? 1 - 0.5 * twoSided : 0.5 * twoSided
    }

    /// P(|T| ≥ |t|), the two-sided p-value of a t statistic.
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "Student t needs ν > 0")
        if t.isInfinite { return 0 }
        let t2 = t * t
        // x = ν/(ν+t²) and 1 − x = t²/(ν+t²), each formed directly.
        if t2 < nu {
            return IncompleteBeta.complement(t2 / (nu + t2), a: 0.5, b: nu / 2)
        }
        return IncompleteBeta.regularized(nu / (nu + t2), a: nu / 2, b: 0.5)
    }

    /// The p-quantile t_{p,ν} for 0 < p < 1 and ν > 0, e.g. t_{0.975,10} = 2.2281388519862735.
    /// Accurate to about 1e-13 relative (inverse incomplete beta to full precision).
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "t quantile needs 0 < p < 1")
        precondition(nu > 0, "Student t needs ν > 0")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        let q = 2 * (1 - p)  // two-sided tail probability
        if q < 0.5 {
            // I_x(ν/2, ½) = q with x = ν/(ν+t²).
            let x = IncompleteBeta.inverse(q, a: nu / 2, b: 0.5)
            return (nu * (1 - x) / x).squareRoot()
        }
        // Near the centre solve for y = 1 − x = t²/(ν+t²) directly: I_y(½, ν/2) = 1 − q.
        let y = IncompleteBeta.inverse(2 * p - 1, a: 0.5, b: nu / 2)
        return (nu * y / (1 - y)).squareRoot()
    }
}
