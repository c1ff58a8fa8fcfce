import Foundation

/// The data-averaged traces of docs/theory.md §6.3 (internal): A replaced by its diagonal,
/// a_i = i^−(1+α)·χ²_{c_i}, c_i ~ Binomial(D, p_i), with
///   d₁(κ) = Σ_i E[a_i/(a_i+κ)],  d₂(κ) = Σ_i E[a_i²/(a_i+κ)²],  b(κ) = Σ_i λ_i E[κ²/(a_i+κ)²].
///
/// With φ_i(t) = E[e^{−t a_i}] = (1 − p_i + p_i(1 + 2t·i^−(1+α))^{−1/2})^D, 1/(a+κ) = ∫ e^{−t(a+κ)} dt
/// turns each trace into one Laplace integral of a coordinate sum that does not depend on κ:
///   d₁ = ∫ e^{−s} Ψ(s/κ) ds,  d₂ = ∫ (2 − s) e^{−s} Ψ(s/κ) ds,  b = ∫ s e^{−s} Φ(s/κ) ds,
///   Ψ(t) = Σ_i (1 − φ_i(t)),  Φ(t) = Σ_i λ_i φ_i(t).
/// Ψ and Φ are tabulated once on a grid in ln t (step 1/16, cubic interpolation of ln Ψ, ln Φ,
/// ~1e-7 relative), extended on demand as κ decreases; each trace then costs ~900 table look-ups.
final class DiagonalDataTraces {
    let beta: Double
    /// γ = 1 + α, the decay exponent of the active variances; must be > 0.
    let gamma: Double
    /// s = 1 + α + β, the decay exponent of λ_i.
    let varianceExponent: Double
    let sampleCount: Double
    let inputDimension: Int?
    /// Σ λ_i = Φ(0).
    let totalVariance: Double

    /// Grid u_k = firstLogT + k·step in u = ln t.
    static let step = 1.0 / 16
    /// Below t₀ = 1e-6/D, Ψ and Φ are linear in t (relative error ~D·t ≤ 1e-6).
    let firstLogT: Double
    private var logPsi: [Double] = []
    private var logPhi: [Double] = []

    /// Beyond the point where D·p_i ≤ δ and t·σ_i ≤ δ, 1 − φ_i = D·t·λ_i to relative order δ.
    static let linearThreshold = 1e-7

    init(parameters: DataParameters, sampleCount d: Double) {
        precondition(parameters.alpha > -1, "the diagonal traces need decaying active variances (α > −1)")
        precondition(parameters.beta > 1 || parameters.inputDimension != .infinite, "M = ∞ needs β > 1")
        beta = parameters.beta
        gamma = 1 + parameters.alpha
        varianceExponent = parameters.varianceExponent
        sampleCount = d
        inputDimension = parameters.inputDimension.finiteValue
        totalVariance = parameters.totalVariance
        firstLogT = log(1e-6 / d)
    }

    /// (1 − φ_i(t), λ_i·φ_i(t)) at a real coordinate x ≥ 1.
    @inline(__always)
    private func summand(_ x: Double, t: Double) -> SIMD2<Double> {
        let logX = log(x)
        let p = x <= 1 ? 1 : exp(-beta * logX)
        let sigma = exp(-gamma * logX)
        let y = 2 * t * sigma
        let root = (1 + y).squareRoot()
        let w = y / (root * (1 + root))  // 1 − (1 + y)^{−1/2} without cancellation
        let logPhi = sampleCount * log1p(-p * w)
        return SIMD2(-expm1(logPhi), p * sigma * exp(logPhi))
    }

    /// (Ψ(t), Φ(t)) by the coordinate sum.
    func direct(_ t: Double) -> SIMD2<Double> {
        let delta = Self.linearThreshold
        let end = max(pow(sampleCount / delta, 1 / beta), pow(t / delta, 1 / gamma))
        let s = varianceExponent, d = sampleCount
        return CoordinateSum.sum(upTo: inputDimension, numericEnd: end, { summand($0, t: t) },
                                 asymptoticIntegral: { a, b in
            let tail = EulerMaclaurin.powerIntegral(s, from: a, to: b)
            return SIMD2(d * t * tail, tail)
        })
    }

    /// Extends the table to cover u = ln t (plus the interpolation stencil).
    private func ensure(_ u: Double) {
        let needed = Int(((u - firstLogT) / Self.step).rounded(.up)) + 3
        guard needed >= logPsi.count else { return }
        logPsi.reserveCapacity(needed + 1)
        logPhi.reserveCapacity(needed + 1)
        while logPsi.count <= needed {
            let t = exp(firstLogT + Double(logPsi.count) * Self.step)
            let value = direct(t)
            logPsi.append(log(value[0]))
            logPhi.append(log(value[1]))
        }
    }

    /// (Ψ(t), Φ(t)) from the table.
    func interpolated(_ t: Double) -> SIMD2<Double> {
        let u = log(t)
        ensure(max(u, firstLogT))
        if u <= firstLogT {
            let ratio = t / exp(firstLogT)
            let phi0 = exp(logPhi[0])
            return SIMD2(exp(logPsi[0]) * ratio, totalVariance - (totalVariance - phi0) * ratio)
        }
        let position = (u - firstLogT) / Self.step
        let k = max(1, Int(position))  // stencil k−1 … k+2
        let x = position - Double(k)
        // Cubic Lagrange weights on nodes −1, 0, 1, 2.
        let w0 = -x * (x - 1) * (x - 2) / 6
        let w1 = (x + 1) * (x - 1) * (x - 2) / 2
        let w2 = -(x + 1) * x * (x - 2) / 2
        let w3 = (x + 1) * x * (x - 1) / 6
        let psi = w0 * logPsi[k - 1] + w1 * logPsi[k] + w2 * logPsi[k + 1] + w3 * logPsi[k + 2]
        let phi = w0 * logPhi[k - 1] + w1 * logPhi[k] + w2 * logPhi[k + 1] + w3 * logPhi[k + 2]
        return SIMD2(exp(psi), exp(phi))
    }

    /// Nodes s and weights (including e^{−s}) for ∫_0^∞ e^{−s} h(s) ds: 16-point Gauss–Legendre in ln s
    /// on [1e-10, 1] (panels of width 1) and in s on [1, 64] (panels of width 2); the parts below 1e-10
    /// and above 64 are below 1e-10 of the traces.
    static let laplaceRule: (nodes: [Double], weights: [Double]) = {
        let (x, w) = GaussLegendre.rule16
        var nodes: [Double] = [], weights: [Double] = []
        let lo = log(1e-10)
        let logPanels = Int((-lo).rounded(.up))
        let logWidth = -lo / Double(logPanels)
        for p in 0..<logPanels {
            let mid = lo + (Double(p) + 0.5) * logWidth, half = 0.5 * logWidth
            for j in 0..<x.count {
                let s = exp(mid + half * x[j])
                nodes.append(s)
                weights.append(half * w[j] * s * exp(-s))
            }
        }
        for p in 0..<32 {
            let mid = 1 + 2 * (Double(p) + 0.5), half = 1.0
            for j in 0..<x.count {
                let s = mid + half * x[j]
                nodes.append(s)
                weights.append(half * w[j] * exp(-s))
            }
        }
        return (nodes, weights)
    }()

    /// (d₁(κ), d₂(κ), b(κ)).
    func traces(ridge kappa: Double) -> (d1: Double, d2: Double, bias: Double) {
        let all = moments(ridge: kappa)
        return (all.x[0], all.x[1], all.bias[0])
    }

    /// The averaged moments Σ_i E[x_i^k], x = a/(a + κ), for k = 1…4 and Σ_i λ_i E[y_i^m], y = κ/(a + κ), for
    /// m = 2…4 (unobserved coordinates included, y = 1). Writing x^k = (1 − y)^k and
    /// Σ_i E[1 − y_i^m] = ∫ s^{m−1}/(m−1)! e^{−s} Ψ(s/κ) ds, Σ_i λ_i E[y_i^m] = ∫ s^{m−1}/(m−1)! e^{−s} Φ(s/κ) ds:
    /// the x-moments take the weights 1, 2 − s, 3 − 3s + s²/2, 4 − 6s + 2s² − s³/6 on Ψ.
    func moments(ridge kappa: Double) -> (x: SIMD4<Double>, bias: SIMD3<Double>) {
        let (nodes, weights) = Self.laplaceRule
        var x = SIMD4<Double>(repeating: 0), bias = SIMD3<Double>(repeating: 0)
        for j in 0..<nodes.count {
            let s: Double = nodes[j]
            let s2: Double = s * s, s3: Double = s2 * s
            let value = interpolated(s / kappa)
            let third: Double = 3 - 3 * s + s2 / 2
            let fourth: Double = 4 - 6 * s + 2 * s2 - s3 / 6
            x += (weights[j] * value[0]) * SIMD4<Double>(1, 2 - s, third, fourth)
            bias += (weights[j] * value[1]) * SIMD3<Double>(s, s2 / 2, s3 / 6)
        }
        return (x, bias)
    }

    /// d₁(κ) alone.
    func firstTrace(ridge kappa: Double) -> Double {
        let (nodes, weights) = Self.laplaceRule
        var d1 = 0.0
        for j in 0..<nodes.count { d1 += weights[j] * interpolated(nodes[j] / kappa)[0] }
        return d1
    }

    /// κ with d₁(κ) = N, or nil when N ≥ sup d₁ = E[K] or so close to it that κ < 8^−40·DΣλ/N.
    func ridge(featureCount n: Double) -> Double? {
        let upper = sampleCount * totalVariance / n
        var lower = upper
        var guardCount = 0
        while firstTrace(ridge: lower) < n {
            lower /= 8
            guardCount += 1
            // d₁ approaches E[K] like κ^{1/2}: so close to E[K] the model size is inside the peak band.
            if guardCount > 40 { return nil }
        }
        return MonotoneRoot.decreasing(from: lower, to: upper, target: n, relativeTolerance: 1e-11) {
            firstTrace(ridge: $0)
        }
    }
}
