import Foundation

/// A truncated Taylor expansion Σ_n c_n h^n of a function around a point (internal).
///
/// Used to obtain the odd derivatives f^(2k−1)(a) = (2k−1)!·c_(2k−1) that the Euler–Maclaurin
/// correction terms need, without numerical differentiation.
struct TaylorSeries {
    /// c_0, c_1, …, c_order.
    var coefficients: [Double]

    var order: Int { coefficients.count - 1 }

    init(_ coefficients: [Double]) { self.coefficients = coefficients }

    /// The expansion of x^(−c) around x = a > 0: a^(−c)·binom(−c, n)·a^(−n).
    static func power(_ c: Double, at a: Double, order: Int) -> TaylorSeries {
        var out = [Double](repeating: 0, count: order + 1)
        var term = Foundation.pow(a, -c)
        for n in 0...order {
            out[n] = term
            term *= (-c - Double(n)) / Double(n + 1) / a
        }
        return TaylorSeries(out)
    }

    static func * (lhs: TaylorSeries, rhs: TaylorSeries) -> TaylorSeries {
        let n = min(lhs.order, rhs.order)
        var out = [Double](repeating: 0, count: n + 1)
        for i in 0...n {
            var s = 0.0
            for k in 0...i { s += lhs.coefficients[k] * rhs.coefficients[i - k] }
            out[i] = s
        }
        return TaylorSeries(out)
    }

    static func * (lhs: Double, rhs: TaylorSeries) -> TaylorSeries {
        TaylorSeries(rhs.coefficients.map { lhs * $0 })
    }

    /// log(A) for an expansion whose constant term is positive; `constant` overrides log(c_0)
    /// when the caller can compute it more accurately (e.g. with log1p).
    func log(constant: Double? = nil) -> TaylorSeries {
        let a = coefficients
        var b = [Double](repeating: 0, count: a.count)
        b[0] = constant ?? Foundation.log(a[0])
        if a.count > 1 {
            for n in 1..<a.count {
                var s = a[n]
                for k in 1..<n { s -= Double(k) / Double(n) * b[k] * a[n - k] }
                b[n] = s / a[0]
            }
        }
        return TaylorSeries(b)
    }

    /// exp(A), via B' = A'B.
    func exp() -> TaylorSeries {
        let a = coefficients
        var b = [Double](repeating: 0, count: a.count)
        b[0] = Foundation.exp(a[0])
        if a.count > 1 {
            for n in 1..<a.count {
                var s = 0.0
                for k in 1...n { s += Double(k) * a[k] * b[n - k] }
                b[n] = s / Double(n)
            }
        }
        return TaylorSeries(b)
    }
}
