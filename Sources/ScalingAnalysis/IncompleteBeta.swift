import Foundation

/// The regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b) and its inverse in x,
/// the common core of the Student t and F distributions.
public enum IncompleteBeta {
    /// I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1 (continued fraction, Numerical Recipes §6.4),
    /// about 1e-14 relative for moderate a, b.
    public static func regularized(_ x: Double, a: Double, b: Double) -> Double {
        evaluate(x, a: a, b: b).value
    }

    /// 1 − I_x(a, b) = I_{1−x}(b, a), computed without cancellation (accurate in the upper tail).
    public static func complement(_ x: Double, a: Double, b: Double) -> Double {
        evaluate(x, a: a, b: b).complement
    }

    /// Both I_x(a, b) and its complement, each evaluated by the continued fraction on the side
    /// where it converges and the other by subtraction only when it is the larger of the two.
    static func evaluate(_ x: Double, a: Double, b: Double) -> (value: Double, complement: Double) {
        precondition(a > 0 && b > 0, "incomplete beta needs a, b > 0")
        precondition(x >= 0 && x <= 1, "incomplete beta needs 0 ≤ x ≤ 1")
        if x == 0 { return (0, 1) }
        if x == 1 { return (1, 0) }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            let value = front * continuedFraction(x, a: a, b: b) / a
            return (value, 1 - value)
        } else {
            let complement = front * continuedFraction(1 - x, a: b, b: a) / b
            return (1 - complement, complement)
        }
    }

    /// The continued fraction for I_x(a, b) by the modified Lentz method.
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// The x in [0, 1] with I_x(a, b) = p (Numerical Recipes' starting guess, then safeguarded
    /// Halley steps to full double precision). The smaller of p and 1 − p is solved for directly.
    public static func inverse(_ p: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "inverse incomplete beta needs a, b > 0")
        precondition(p >= 0 && p <= 1, "inverse incomplete beta needs 0 ≤ p ≤ 1")
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        if p > 0.5 { return 1 - inverseLowerTail(1 - p, a: b, b: a) }
        return inverseLowerTail(p, a: a, b: b)
    }

    /// Solves I_x(a, b) = 1 − q for x by solving I_y(b, a) = q for y = 1 − x, and returns y;
    /// use when 1 − x is wanted accurately near x = 1.
    public static func inverseComplement(_ q: Double, a: Double, b: Double) -> Double {
        inverse(q, a: b, b: a)
    }

    private static func inverseLowerTail(_ p: Double, a: Double, b: Double) -> Double {
        let a1 = a - 1, b1 = b - 1
        var x: Double
        if a >= 1 && b >= 1 {
            let t = (-2 * log(p)).squareRoot()
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            z = p < 0.5 ? z : -z
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (al + h).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            x = a / (a + b * exp(2 * w))
        } else {
            let lna = log(a / (a + b)), lnb = log(b / (a + b))
            let t = exp(a * lna) / a
            let u = exp(b * lnb) / b
            let w = t + u
            x = p < t / w ? pow(a * w * p, 1 / a) : 1 - pow(b * w * (1 - p), 1 / b)
        }
        if !(x > 0 && x < 1) { x = 0.5 }
        let logNorm = lgamma(a + b) - lgamma(a) - lgamma(b)
        // Bracket [lo, hi] is maintained so that a wild Halley step falls back to bisection.
        var lo = 0.0, hi = 1.0
        for _ in 0..<200 {
            let error = regularized(x, a: a, b: b) - p
            if error == 0 { return x }
            if error < 0 { lo = x } else { hi = x }
            let density = exp(a1 * log(x) + b1 * log1p(-x) + logNorm)
            var next: Double
            if density > 0 && density.isFinite {
                let u = error / density
                let step = u / (1 - 0.5 * min(1, u * (a1 / x - b1 / (1 - x))))
                next = x - step
            } else {
                next = .nan
            }
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if abs(next - x) <= 4 * Double.ulpOfOne * x || hi - lo <= 4 * Double.ulpOfOne * x {
                return next
            }
            x = next
        }
        return x
    }
}
