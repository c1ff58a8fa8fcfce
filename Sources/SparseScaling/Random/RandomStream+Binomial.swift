import Foundation

extension RandomStream {
    /// A Binomial(n, p) variate for any n ≥ 0 (up to 2^53) and p ∈ [0, 1]. Mean min(p, 1 − p)·n < 10:
    /// inversion by sequential search from 0; otherwise Hörmann's BTRD (transformed rejection with
    /// decomposition, 1993), whose acceptance test uses the exact log-pmf through Stirling
    /// corrections. Exact up to the rounding of that log-pmf (relative error ≲ n·ε, 1e-6 at n = 1e10).
    public mutating func binomial(count n: Int, probability p: Double) -> Int {
        precondition(n >= 0 && p >= 0 && p <= 1, "Binomial(n, p) needs n ≥ 0 and p in [0, 1]")
        if n == 0 || p == 0 { return 0 }
        if p == 1 { return n }
        if p > 0.5 { return n - binomial(count: n, probability: 1 - p) }
        if Double(n) * p < 10 { return binomialInversion(n, p) }
        return binomialBTRD(n, p)
    }

    /// A Binomial(n, p) variate conditioned on being ≥ 1 (n ≥ 1, p > 0): rejection of zeros when
    /// n·p ≥ 1 (at most e^−1 of draws rejected), otherwise inversion from 1.
    public mutating func zeroTruncatedBinomial(count n: Int, probability p: Double) -> Int {
        precondition(n >= 1 && p > 0 && p <= 1, "a zero-truncated Binomial(n, p) needs n ≥ 1 and p in (0, 1]")
        let nn = Double(n)
        if nn * p >= 1 {
            while true {
                let k = binomial(count: n, probability: p)
                if k > 0 { return k }
            }
        }
        let ratio = p / (1 - p)
        while true {
            let atLeastOne = -expm1(nn * log1p(-p))
            var u = uniform() * atLeastOne
            var pmf = nn * p * exp((nn - 1) * log1p(-p))
            var k = 1
            while u > pmf && k < n {
                u -= pmf
                pmf *= (nn - Double(k)) / Double(k + 1) * ratio
                k += 1
                if pmf < 1e-300 { break }
            }
            if u <= pmf { return k }
        }
    }

    /// Inversion: walks the pmf from 0 (expected n·p + 1 steps). The pmf at 0 is (1 − p)^n; at large n
    /// that stays above the smallest double because n·p < 10 here.
    private mutating func binomialInversion(_ n: Int, _ p: Double) -> Int {
        let ratio = p / (1 - p)
        let nn = Double(n)
        while true {
            var pmf = exp(nn * log1p(-p))
            var u = uniform()
            var k = 0
            while u > pmf {
                u -= pmf
                if k == n { break }
                pmf *= (nn - Double(k)) / Double(k + 1) * ratio
                k += 1
                // The remaining mass is below 1e-300: rounding left u above the tail; draw again.
                if pmf < 1e-300 && Double(k) > nn * p { break }
            }
            if u <= pmf { return k }
        }
    }

    /// BTRD for p ≤ 1/2, n·p ≥ 10 (Hörmann, J. Stat. Comput. Simul. 46, 1993, algorithm BTRD).
    private mutating func binomialBTRD(_ n: Int, _ p: Double) -> Int {
        let nn = Double(n)
        let q = 1 - p
        let m = ((nn + 1) * p).rounded(.down)
        let r = p / q
        let nr = (nn + 1) * r
        let npq = nn * p * q
        let rootNpq = npq.squareRoot()
        let b = 1.15 + 2.53 * rootNpq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = nn * p + 0.5
        let alpha = (2.83 + 5.1 / b) * rootNpq
        let vr = 0.92 - 4.2 / b
        let urvr = 0.86 * vr
        while true {
            var v = uniform()
            var u: Double
            if v <= urvr {
                u = v / vr - 0.43
                return Int(((2 * a / (0.5 - abs(u)) + b) * u + c).rounded(.down))
            }
            if v >= vr {
                u = uniform() - 0.5
            } else {
                u = v / vr - 0.93
                u = (u < 0 ? -0.5 : 0.5) - u
                v = uniform() * vr
            }
            let us = 0.5 - abs(u)
            let kd = ((2 * a / us + b) * u + c).rounded(.down)
            if kd < 0 || kd > nn { continue }
            let k = kd
            v = v * alpha / (a / (us * us) + b)
            let km = abs(k - m)
            if km <= 15 {
                // The pmf ratio f(k)/f(m) by recursion.
                var f = 1.0
                if m < k {
                    var i = m + 1
                    while i <= k {
                        f *= nr / i - r
                        i += 1
                    }
                } else if m > k {
                    var i = k + 1
                    while i <= m {
                        v *= nr / i - r
                        i += 1
                    }
                }
                if v <= f { return Int(k) }
                continue
            }
            // Squeeze on log v, then the exact test.
            let logV = log(v)
            let rho = (km / npq) * (((km / 3 + 0.625) * km + 1.0 / 6) / npq + 0.5)
            let t = -km * km / (2 * npq)
            if logV < t - rho { return Int(k) }
            if logV > t + rho { continue }
            let nm = nn - m + 1
            let h = (m + 0.5) * log((m + 1) / (r * nm)) + Self.stirlingCorrection(m) + Self.stirlingCorrection(nn - m)
            let nk = nn - k + 1
            // log(nm/nk) = log1p((k − m)/nk), exact in its small argument.
            let bound = h + (nn + 1) * log1p((k - m) / nk) + (k + 0.5) * log(nk * r / (k + 1))
                - Self.stirlingCorrection(k) - Self.stirlingCorrection(nn - k)
            if logV <= bound { return Int(k) }
        }
    }

    /// fc(k) = log k! − (k + ½)·log(k + 1) + (k + 1) − ½·log 2π: exact (via lgamma) for k < 10, the
    /// Stirling series to the k^−5 term beyond (error below 1e-12).
    static func stirlingCorrection(_ k: Double) -> Double {
        if k < 10 {
            return lgamma(k + 1) - (k + 0.5) * log(k + 1) + (k + 1) - 0.5 * log(2 * Double.pi)
        }
        let x = k + 1
        let x2 = x * x
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / x2) / x2) / x
    }
}
