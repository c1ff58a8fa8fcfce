import Foundation

/// Goodness-of-fit and two-sample tests for the sampler checks: each returns a p-value.
enum DistributionTests {
    /// Pearson's χ² of `observed` counts against `expected` counts (same total), adjacent bins merged
    /// until each expects ≥ 5; p from the Wilson–Hilferty normal approximation of χ².
    static func chiSquare(observed: [Int], expected: [Double]) -> (statistic: Double, degrees: Int, p: Double) {
        precondition(observed.count == expected.count)
        var bins: [(Double, Double)] = []
        var o = 0.0, e = 0.0
        for i in observed.indices {
            o += Double(observed[i])
            e += expected[i]
            if e >= 5 {
                bins.append((o, e))
                o = 0
                e = 0
            }
        }
        if e > 0 || o > 0 {
            if bins.isEmpty { bins.append((o, e)) } else { bins[bins.count - 1].0 += o; bins[bins.count - 1].1 += e }
        }
        let statistic = bins.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
        let k = max(1, bins.count - 1)
        return (statistic, k, chiSquareSurvival(statistic, degrees: k))
    }

    /// P(χ²_k > x) by Wilson–Hilferty.
    static func chiSquareSurvival(_ x: Double, degrees k: Int) -> Double {
        let kk = Double(k)
        let z = (pow(x / kk, 1.0 / 3) - (1 - 2 / (9 * kk))) / (2 / (9 * kk)).squareRoot()
        return 0.5 * erfc(z / 2.0.squareRoot())
    }

    /// Two-sided p of a standard normal statistic.
    static func twoSided(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// Welch's z for equal means of two independent samples; two-sided p.
    static func meansAgree(_ a: [Double], _ b: [Double]) -> (z: Double, p: Double) {
        let (ma, va) = moments(a), (mb, vb) = moments(b)
        let z = (ma - mb) / (va / Double(a.count) + vb / Double(b.count)).squareRoot()
        return (z, twoSided(z))
    }

    /// z for equal variances of two independent samples, each sample variance's standard error from
    /// its fourth central moment, √((m₄ − s⁴)/n); two-sided p.
    static func variancesAgree(_ a: [Double], _ b: [Double]) -> (z: Double, p: Double) {
        func varianceAndError(_ x: [Double]) -> (Double, Double) {
            let (m, v) = moments(x)
            let m4 = x.reduce(0) { $0 + pow($1 - m, 4) } / Double(x.count)
            return (v, max(0, m4 - v * v) / Double(x.count))
        }
        let (va, ea) = varianceAndError(a), (vb, eb) = varianceAndError(b)
        let z = (va - vb) / (ea + eb).squareRoot()
        return (z, twoSided(z))
    }

    /// The two-sample Kolmogorov–Smirnov p-value (asymptotic Kolmogorov law with Stephens' correction).
    /// Conservative for discrete data.
    static func kolmogorovSmirnov(_ a: [Double], _ b: [Double]) -> (statistic: Double, p: Double) {
        let x = a.sorted(), y = b.sorted()
        var i = 0, j = 0
        var d = 0.0
        while i < x.count && j < y.count {
            let v = min(x[i], y[j])
            while i < x.count && x[i] <= v { i += 1 }
            while j < y.count && y[j] <= v { j += 1 }
            d = max(d, abs(Double(i) / Double(x.count) - Double(j) / Double(y.count)))
        }
        let ne = Double(x.count * y.count) / Double(x.count + y.count)
        let lambda = (ne.squareRoot() + 0.12 + 0.11 / ne.squareRoot()) * d
        var p = 0.0
        for k in 1...100 {
            let term = 2 * (k % 2 == 1 ? 1.0 : -1.0) * exp(-2 * Double(k * k) * lambda * lambda)
            p += term
            if abs(term) < 1e-12 { break }
        }
        return (d, min(1, max(0, p)))
    }

    /// Mean and unbiased variance.
    static func moments(_ x: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(x.count)
        let m = x.reduce(0, +) / n
        return (m, x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1))
    }
}
