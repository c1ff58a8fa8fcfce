import Foundation

/// The two sums over coordinates that the sparse model's closed forms need (internal):
/// the observed-coordinate summand 1 − (1 − i^−β)^D and the model-rich-loss summand
/// i^−(1+α+β)·(1 − i^−β)^D, with their integrals and Taylor expansions.
///
/// Integrals: composite Gauss–Legendre in t = ln x up to X, where u = D·X^−β = ε, then the
/// binomial series (1 − q)^D = Σ_k binom(D, k)(−q)^k integrated term by term beyond X.
struct SparseSummand: SmoothSummand {
    enum Kind { case observedCoordinates, modelRichLoss }

    let kind: Kind
    let beta: Double
    /// s = 1 + α + β, the exponent of the marginal variances.
    let varianceExponent: Double
    let sampleCount: Double

    /// Beyond the point where D·x^−β = ε the binomial series converges like ε^k/k!.
    static let seriesThreshold = 1e-3

    /// D·log(1 − x^−β), the logarithm of the probability that coordinate x stays unobserved.
    @inline(__always)
    func logUnobserved(_ x: Double) -> Double {
        let q = pow(x, -beta)
        if q >= Double.leastNormalMagnitude { return sampleCount * log1p(-q) }
        return -exp(log(sampleCount) - beta * log(x))  // x^−β underflows, D·x^−β may not: log(1 − q) = −q
    }

    /// −D·log(1 − x^−β) at x = e^t, also where x overflows or x^−β underflows.
    @inline(__always)
    func negativeLogUnobserved(logX t: Double) -> Double {
        let q = exp(-beta * t)
        if q >= Double.leastNormalMagnitude { return sampleCount * -log1p(-q) }
        return exp(log(sampleCount) - beta * t)
    }

    func value(at x: Double) -> Double {
        switch kind {
        case .observedCoordinates:
            return -expm1(logUnobserved(x))
        case .modelRichLoss:
            return pow(x, -varianceExponent) * exp(logUnobserved(x))
        }
    }

    /// x·f(x) at x = e^t (the integrand in t = ln x), computed in logarithms where x or x^−β is
    /// beyond the range of Double.
    func scaledValue(logX t: Double) -> Double {
        let negativeLog = negativeLogUnobserved(logX: t)
        switch kind {
        case .observedCoordinates:
            let observed = -expm1(-negativeLog)
            let x = exp(t)
            if x.isFinite, observed >= Double.leastNormalMagnitude { return x * observed }
            // 1 − e^−L = L to rounding once L is this small.
            let logObserved = observed >= Double.leastNormalMagnitude ? log(observed)
                : negativeLog > 0 ? log(negativeLog) : log(sampleCount) - beta * t
            return exp(t + logObserved)
        case .modelRichLoss:
            return exp((1 - varianceExponent) * t - negativeLog)
        }
    }

    func taylor(at x: Double, order: Int) -> TaylorSeries {
        let q = TaylorSeries.power(beta, at: x, order: order)
        var oneMinusQ = (-1.0) * q
        oneMinusQ.coefficients[0] = -expm1(-beta * log(x))
        let logSurvival = sampleCount * oneMinusQ.log(constant: log1p(-q.coefficients[0]))
        let survival = logSurvival.exp()
        switch kind {
        case .observedCoordinates:
            var out = (-1.0) * survival
            out.coefficients[0] = -expm1(logSurvival.coefficients[0])
            return out
        case .modelRichLoss:
            return TaylorSeries.power(varianceExponent, at: x, order: order) * survival
        }
    }

    func integral(from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        let logA = log(a), logB = log(b)
        // X, where D·X^−β = ε, in logarithms: for D near the top of the Double range X is not representable.
        let logX = (log(sampleCount) - log(Self.seriesThreshold)) / beta
        let quadratureEnd = min(logB, max(logA, logX))
        let quadrature = quadratureIntegral(from: logA, to: quadratureEnd)
        let seriesStart = max(logA, logX)
        guard logB > seriesStart else { return quadrature }
        return quadrature + seriesIntegral(logA: seriesStart, logB: logB)
    }

    /// ∫ f(x) dx over x ∈ [e^lower, e^upper], by Gauss–Legendre in t = ln x.
    private func quadratureIntegral(from lower: Double, to upper: Double) -> Double {
        guard upper > lower else { return 0 }
        switch kind {
        case .observedCoordinates:
            // The integrand varies on the scale 1/β in t (activation); it does not depend on α.
            return GaussLegendre.integrate(from: lower, to: upper, panelWidth: 0.25 / max(1, beta)) {
                scaledValue(logX: $0)
            }
        case .modelRichLoss:
            // Scales 1/β (activation) and 1/(α+β) (decay). For large α + β the integrand is a narrow
            // bump: integrate only where it is within e^−60 of its peak (see `significantRange`).
            guard let range = significantRange(from: lower, to: upper) else { return 0 }
            let width = 0.25 / max(1, beta, 0.5 * (varianceExponent - 1))
            return GaussLegendre.integrate(from: range.lowerBound, to: range.upperBound, panelWidth: width) {
                scaledValue(logX: $0)
            }
        }
    }

    /// log g(t) = (1 − s)·t + D·log(1 − e^−βt), the log of the model-rich integrand in t = ln x.
    private func logModelRichIntegrand(_ t: Double) -> Double {
        (1 - varianceExponent) * t - negativeLogUnobserved(logX: t)
    }

    /// d/dt log g(t) = (1 − s) + β·D/(e^βt − 1), decreasing in t.
    private func modelRichSlope(_ t: Double) -> Double {
        let e = beta * t
        let logDenominator = e > 40 ? e : log(expm1(e))
        return (1 - varianceExponent) + beta * exp(log(sampleCount) - logDenominator)
    }

    /// The part of [lower, upper] where the model-rich integrand g(t) is within e^−60 of its maximum;
    /// nil when the integral underflows. log g is concave, so what lies outside is below e^−60 of
    /// the integral inside: beyond a point u past the peak t*, ∫_u^∞ g ≤ g(u)/|slope(u)| and
    /// |slope(u)| ≥ 60/(u − t*), while ∫_(t*)^u g ≥ g(t*)·(u − t*)/60·(1 − e^−60); the same holds below t*.
    func significantRange(from lower: Double, to upper: Double) -> ClosedRange<Double>? {
        // The peak: where the decreasing slope changes sign.
        var peak: Double
        if modelRichSlope(lower) <= 0 {
            peak = lower
        } else if modelRichSlope(upper) >= 0 {
            peak = upper
        } else {
            var lo = lower, hi = upper
            for _ in 0..<200 where hi - lo > 1e-15 * max(1, abs(lo)) {
                let mid = 0.5 * (lo + hi)
                if modelRichSlope(mid) > 0 { lo = mid } else { hi = mid }
            }
            peak = 0.5 * (lo + hi)
        }
        let top = logModelRichIntegrand(peak)
        // The integral is at most e^top·(upper − lower) (1 + e^−60): below the smallest Double, it is 0.
        guard top.isFinite, top + log(max(1, upper - lower)) > -750 else { return nil }
        let floor = top - 60
        // log g is monotone on each side of the peak: bisect for where it crosses the floor.
        func crossing(inside: Double, outside: Double) -> Double {
            if logModelRichIntegrand(outside) >= floor { return outside }
            var a = inside, b = outside
            for _ in 0..<200 where abs(b - a) > 1e-15 * max(1, abs(a)) {
                let mid = 0.5 * (a + b)
                if logModelRichIntegrand(mid) >= floor { a = mid } else { b = mid }
            }
            return b
        }
        return crossing(inside: peak, outside: lower)...crossing(inside: peak, outside: upper)
    }

    /// ∫ f(x) dx over x ∈ [a, b] = [e^logA, e^logB] (b may be ∞) by the binomial series; needs D·a^−β ≤ ε.
    ///
    /// (1 − q)^D = Σ_k c_k q^k with c_0 = 1, c_(k+1) = −c_k·(D − k)/(k + 1). With x = a·y and u = D·a^−β,
    /// c_k·∫_a^b x^−(s₀+kβ) dx = a^(1−s₀)·w_k·∫_1^(b/a) y^−(s₀+kβ) dy, where w_k = c_k·a^−kβ =
    /// Π_(j<k) −u·(1 − j/D)/(j + 1) stays small: neither c_k (which overflows for large D) nor a^−kβ
    /// (which underflows) is formed.
    private func seriesIntegral(logA: Double, logB: Double) -> Double {
        let u = exp(log(sampleCount) - beta * logA)
        let logRatio = logB - logA
        let s0 = kind == .modelRichLoss ? varianceExponent : 0
        var weight = 1.0
        var total = 0.0
        for k in 0..<60 {
            if k > 0 {
                weight *= -u * (1 - Double(k - 1) / sampleCount) / Double(k)
                if weight == 0 { break }
            }
            // 1 − (1 − q)^D = −Σ_{k≥1} c_k q^k
            if kind == .observedCoordinates, k == 0 { continue }
            let term = weight * Self.unitPowerIntegral(s0 + Double(k) * beta, logRatio: logRatio)
            total += term
            if k >= 2, abs(term) <= 1e-18 * abs(total) { break }
        }
        if kind == .observedCoordinates { total = -total }
        guard total > 0 else { return 0 }
        return exp((1 - s0) * logA + log(total))
    }

    /// ∫_1^R y^−c dy for ln R = `logRatio` (R = ∞ needs c > 1).
    static func unitPowerIntegral(_ c: Double, logRatio: Double) -> Double {
        let e = 1 - c
        if e == 0 { return logRatio }
        return expm1(e * logRatio) / e
    }
}
