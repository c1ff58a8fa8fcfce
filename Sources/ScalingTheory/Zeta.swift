import Foundation

/// The Hurwitz zeta function ζ(s, a) = Σ_{n≥0} (n + a)^-s and partial power sums, for real s > 1.
public enum Zeta {
    /// Bernoulli numbers B_2, B_4, …, B_24 for the Euler–Maclaurin correction terms.
    private static let bernoulli: [Double] = [
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6,
        -3617.0 / 510, 43867.0 / 798, -174611.0 / 330, 854513.0 / 138, -236364091.0 / 2730,
    ]

    /// ζ(s, a) for s > 1, a > 0, to about 1e-14 relative (head summed exactly, tail by Euler–Maclaurin).
    public static func hurwitz(_ s: Double, _ a: Double) -> Double {
        precondition(s > 1 && a > 0, "Hurwitz zeta needs s > 1 and a > 0")
        let head = 20
        var sum = 0.0
        for n in 0..<head { sum += pow(a + Double(n), -s) }
        let x = a + Double(head)
        sum += pow(x, 1 - s) / (s - 1) + 0.5 * pow(x, -s)
        // Σ_k B_2k/(2k)! · s(s+1)…(s+2k−2) · x^(−s−2k+1)
        var rising = s  // s(s+1)…(s+2k−2)
        var factorial = 2.0  // (2k)!
        var power = pow(x, -s - 1)
        for (k, b) in bernoulli.enumerated() {
            let term = b / factorial * rising * power
            sum += term
            if abs(term) <= 1e-17 * abs(sum) { break }  // also when every term underflows (large s)
            let kk = Double(k + 1)
            rising *= (s + 2 * kk - 1) * (s + 2 * kk)
            factorial *= (2 * kk + 1) * (2 * kk + 2)
            power /= x * x
        }
        return sum
    }

    /// The Riemann zeta ζ(s) for s > 1.
    public static func riemann(_ s: Double) -> Double { hurwitz(s, 1) }

    /// Σ_{i=1}^{m} i^-s for real s and m ≥ 0, to about 1e-14 relative: term by term for short
    /// ranges, otherwise an exact head plus Euler–Maclaurin (no subtraction of two zeta values).
    public static func partialSum(_ s: Double, upTo m: Int) -> Double {
        if m <= 0 { return 0 }
        return EulerMaclaurin.sum(PowerSummand(exponent: s), from: 1, through: m)
    }

    /// Σ_{i=lo}^{hi} i^-s for real s, 1 ≤ lo, and hi ≥ lo − 1 or nil for ∞ (nil needs s > 1), to about
    /// 1e-14 relative, by the same summation as `partialSum`: no difference of two zeta values, so no
    /// cancellation when s is near 1 or the range is short.
    public static func powerSum(_ s: Double, from lo: Int, through hi: Int?) -> Double {
        precondition(lo >= 1 && (hi != nil || s > 1), "Σ i^-s needs lo ≥ 1, and s > 1 to ∞")
        return EulerMaclaurin.sum(PowerSummand(exponent: s), from: lo, through: hi)
    }
}
