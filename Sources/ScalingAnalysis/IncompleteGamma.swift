import Foundation

/// The regularized upper incomplete gamma function Q(s, x) = Γ(s, x)/Γ(s), in logarithms so that the far
/// tail (Q ≈ x^(s−1)e^(−x)/Γ(s) underflows for x ≳ 700) stays finite.
public enum IncompleteGamma {
    /// ln Q(s, x) for s > 0, x ≥ 0: the series of P = 1 − Q for x < s + 1, the Lentz continued fraction of Q
    /// beyond (Numerical Recipes §6.2); about 1e-14 relative in Q, and in ln Q wherever Q ≥ 1e-300.
    public static func logUpperRegularized(_ s: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        let logPrefactor = -x + s * log(x) - lgamma(s)
        if x < s + 1 {
            // P(s, x) = e^(−x) x^s / Γ(s + 1) · Σ_k x^k / ((s + 1)…(s + k)).
            var term = 1.0 / s, sum = term, k = 0.0
            while k < 10_000 {
                k += 1
                term *= x / (s + k)
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            let p = exp(logPrefactor + log(sum))
            return log1p(-min(p, 1))
        }
        // Q(s, x) = e^(−x) x^s / Γ(s) · 1/(x + 1 − s − 1·(1 − s)/(x + 3 − s − …)), modified Lentz.
        let tiny = 1e-300
        var b = x + 1 - s, c = 1 / tiny, d = 1 / b, h = d, i = 0.0
        while i < 10_000 {
            i += 1
            let an = -i * (i - s)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return logPrefactor + log(h)
    }
}
