import Foundation

/// A smooth summand f(x) on x ≥ 1 that Euler–Maclaurin summation can handle (internal).
protocol SmoothSummand {
    /// f(x).
    func value(at x: Double) -> Double
    /// Taylor coefficients f^(n)(x)/n!, n = 0…order.
    func taylor(at x: Double, order: Int) -> TaylorSeries
    /// ∫_a^b f(x) dx; b may be +∞.
    func integral(from a: Double, to b: Double) -> Double
}

/// Sums Σ_{i=lo}^{hi} f(i) of smooth summands: short ranges exactly, long ones as an exact head
/// followed by the Euler–Maclaurin formula with six correction terms (internal).
enum EulerMaclaurin {
    /// B_2, B_4, …, B_12.
    static let bernoulli: [Double] = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730]
    /// Ranges with fewer terms than this are summed term by term.
    static let directLimit = 20_000
    /// Terms summed exactly before the Euler–Maclaurin tail starts.
    ///
    /// The remainder after six corrections is about (c·n/(2π·e·a))^14 for a summand whose n-th
    /// derivative scales like (c·n/(e·x))^n — below 1e-30 for c ≤ 50 at a = 2048.
    static let headCount = 2_048

    /// Σ_{i=lo}^{hi} f(i), hi = nil meaning ∞.
    static func sum<F: SmoothSummand>(_ f: F, from lo: Int, through hi: Int?) -> Double {
        if let hi, hi < lo { return 0 }
        if let hi, hi - lo < directLimit { return direct(f, from: lo, through: hi) }
        let a = lo + headCount
        let head = direct(f, from: lo, through: a - 1)
        let lower = Double(a)
        let upper = hi.map(Double.init) ?? .infinity
        let order = 2 * bernoulli.count - 1
        var tail = f.integral(from: lower, to: upper) + 0.5 * f.value(at: lower)
        let atLower = f.taylor(at: lower, order: order)
        var atUpper: TaylorSeries?
        if hi != nil {
            tail += 0.5 * f.value(at: upper)
            atUpper = f.taylor(at: upper, order: order)
        }
        // B_2k/(2k)! · f^(2k−1)(x) = B_2k/(2k) · c_(2k−1)(x)
        for (k, b) in bernoulli.enumerated() {
            let n = 2 * k + 1
            let difference = (atUpper?.coefficients[n] ?? 0) - atLower.coefficients[n]
            tail += b / Double(2 * k + 2) * difference
        }
        return head + tail
    }

    /// Σ_{i=lo}^{hi} f(i) term by term with Neumaier compensation.
    static func direct<F: SmoothSummand>(_ f: F, from lo: Int, through hi: Int) -> Double {
        guard hi >= lo else { return 0 }
        var sum = 0.0, compensation = 0.0
        for i in lo...hi {
            let term = f.value(at: Double(i))
            let t = sum + term
            if abs(sum) >= abs(term) {
                compensation += (sum - t) + term
            } else {
                compensation += (term - t) + sum
            }
            sum = t
        }
        return sum + compensation
    }

    /// ∫_a^b x^(−c) dx for 0 < a ≤ b; b = +∞ needs c > 1.
    static func powerIntegral(_ c: Double, from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        if b == .infinity {
            precondition(c > 1, "∫ x^-c to ∞ diverges for c ≤ 1")
            return Foundation.pow(a, 1 - c) / (c - 1)
        }
        let e = 1 - c
        let logRatio = Foundation.log(b / a)
        if e == 0 { return logRatio }
        return Foundation.pow(a, e) * expm1(e * logRatio) / e
    }
}

/// The power summand x^(−c) (internal).
struct PowerSummand: SmoothSummand {
    let exponent: Double

    func value(at x: Double) -> Double { pow(x, -exponent) }

    func taylor(at x: Double, order: Int) -> TaylorSeries {
        .power(exponent, at: x, order: order)
    }

    func integral(from a: Double, to b: Double) -> Double {
        EulerMaclaurin.powerIntegral(exponent, from: a, to: b)
    }
}
