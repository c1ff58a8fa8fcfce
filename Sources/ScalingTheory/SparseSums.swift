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
    let dataSize: Double

    /// Beyond the point where D·x^−β = ε the binomial series converges like ε^k/k!.
    static let seriesThreshold = 1e-3

    /// D·log(1 − x^−β), the logarithm of the probability that coordinate x stays unobserved.
    @inline(__always)
    func logUnobserved(_ x: Double) -> Double {
        dataSize * log1p(-pow(x, -beta))
    }

    func value(at x: Double) -> Double {
        switch kind {
        case .observedCoordinates:
            return -expm1(logUnobserved(x))
        case .modelRichLoss:
            return pow(x, -varianceExponent) * exp(logUnobserved(x))
        }
    }

    func taylor(at x: Double, order: Int) -> TaylorSeries {
        let q = TaylorSeries.power(beta, at: x, order: order)
        var oneMinusQ = (-1.0) * q
        oneMinusQ.coefficients[0] = -expm1(-beta * log(x))
        let logSurvival = dataSize * oneMinusQ.log(constant: log1p(-q.coefficients[0]))
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
        let x = pow(dataSize / Self.seriesThreshold, 1 / beta)
        let quadratureEnd = min(b, max(a, x))
        // The integrand varies on scales 1/β (activation) and 1/(α+β) (decay) in t = ln x.
        let width = 0.25 / max(1, beta, 0.5 * (varianceExponent - 1))
        let quadrature = GaussLegendre.integrate(from: log(a), to: log(quadratureEnd), panelWidth: width) { t in
            let x = exp(t)
            return x * value(at: x)
        }
        let seriesStart = max(a, x)
        guard b > seriesStart else { return quadrature }
        return quadrature + seriesIntegral(from: seriesStart, to: b)
    }

    /// ∫_a^b of the summand by its binomial series; needs D·a^−β ≤ ε.
    private func seriesIntegral(from a: Double, to b: Double) -> Double {
        // (1 − q)^D = Σ_k c_k q^k with c_0 = 1, c_(k+1) = −c_k·(D − k)/(k + 1).
        var coefficient = 1.0
        var total = 0.0
        for k in 0..<60 {
            if k > 0 {
                coefficient *= -(dataSize - Double(k - 1)) / Double(k)
                if coefficient == 0 { break }
            }
            let term: Double
            switch kind {
            case .observedCoordinates:
                // 1 − (1 − q)^D = −Σ_{k≥1} c_k q^k
                if k == 0 { continue }
                term = -coefficient * EulerMaclaurin.powerIntegral(Double(k) * beta, from: a, to: b)
            case .modelRichLoss:
                term = coefficient * EulerMaclaurin.powerIntegral(varianceExponent + Double(k) * beta, from: a, to: b)
            }
            total += term
            if k >= 2, abs(term) <= 1e-18 * abs(total) { break }
        }
        return total
    }
}
