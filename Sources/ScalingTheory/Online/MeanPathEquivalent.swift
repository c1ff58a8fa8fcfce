import Foundation

/// The mean path of gradient descent on the population loss with N random features, averaged over W and the
/// teacher, by the deterministic equivalent of the feature Gram matrix H = WΛWᵀ (docs/theory-online-sgd.md,
/// "The mean path at finite N"): L(t) = E_approx + ∫ ρ(x)/x · (1 − ηx)^(2t) dx with ρ(x) = Im F(x + i0)/π.
struct MeanPathEquivalent: Sendable {
    /// The loss as t → ∞, Σ λ_i ν₀/(λ_i + ν₀) with Σ λ_i/(λ_i + ν₀) = N: the part of w* outside the features' span.
    let approximationError: Double
    /// Nodes x_k of H's spectrum (log-spaced) and the measure ρ(x_k)·dx_k/x_k at each.
    let nodes: [Double]
    let measure: [Double]
    /// The same measure at N = ∞ (the spectrum Λ itself, read at the same δ on the same nodes), for coordinates with
    /// λ ≥ 10·(lowest node); `unsmoothed` holds the others (λ, multiplicity), taken exactly.
    let infiniteMeasure: [Double]
    let unsmoothed: [(lambda: Double, weight: Double)]
    /// Whether the spectral equation converged at every node.
    let converged: Bool

    /// The relative imaginary part δ of z = x(1 + iδ) at which the spectrum is read, and the nodes' ratio. The integrand
    /// (1 − ηx)^(2t)/x varies on a relative scale ≥ 1/(2ηtx), ≳ 1 where it is not negligible; against the exact path
    /// (docs/theory-online-sgd.md) δ = 10⁻² moves the loss by ≤ 0.5% from δ = 10⁻³, at a tenth of the nodes.
    static let relativeWidth = 1e-2
    static let nodeRatio = 1.005

    /// The equivalent for coordinates with variances `lambda` and multiplicities `weight`, plus never-resolved
    /// coordinates beyond them with Σλ = `remainder` and Σλ² = `remainderSquared` (each λ·g ≪ 1), and N features.
    init(lambda: [Double], weight: [Double], remainder: Double, remainderSquared: Double, featureCount: Int) {
        let n = Double(featureCount)
        // ν₀: Σ w λ/(λ + ν) + remainder/ν = N, decreasing in ν; bisection in log ν.
        func resolved(_ nu: Double) -> Double {
            var sum = remainder / nu
            for k in lambda.indices { sum += weight[k] * lambda[k] / (lambda[k] + nu) }
            return sum
        }
        var lo = 1e-300, hi = 1e300
        for _ in 0..<400 {
            let mid = (lo * hi).squareRoot()
            if resolved(mid) > n { lo = mid } else { hi = mid }
            if hi / lo < 1 + 1e-13 { break }
        }
        let nu0 = (lo * hi).squareRoot()  // H's spectrum lies above about ν₀/6
        var approximation = remainder  // the unresolved coordinates (λ ≪ ν₀) are never learned
        for k in lambda.indices { approximation += weight[k] * lambda[k] * nu0 / (lambda[k] + nu0) }
        approximationError = approximation
        // H's spectrum lies in [≈ ν₀/6, λ_max(1 + N^(−½))² + Σλ/N]; the nodes cover it with margins.
        let traceLambda = zip(lambda, weight).reduce(remainder) { $0 + $1.0 * $1.1 }
        let top = 4 * ((lambda.max() ?? 0) + traceLambda / n)
        let bottom = 1e-3 * nu0
        let spectrum = SpectralEquation(lambda: lambda, weight: weight.map { $0 / n }, constant: remainder / n)
        var x = top
        var g = (re: -1 / top, im: 0.0)
        var xs: [Double] = [], rho: [Double] = [], rhoInfinite: [Double] = []
        let smoothed = lambda.indices.filter { lambda[$0] >= 10 * bottom }
        unsmoothed = lambda.indices.filter { lambda[$0] < 10 * bottom }.map { (lambda[$0], weight[$0]) }
        var allConverged = true
        let logRatio = log(Self.nodeRatio)
        while x > bottom {
            let solved = spectrum.solve(zRe: x, zIm: Self.relativeWidth * x, start: g)
            allConverged = allConverged && solved.converged
            g = solved.g
            // Im F(z) = Im[Σ w λ² g/(1 + λg)] + remainderSquared·Im g, with Im[g/(1 + λg)] = Im g/|1 + λg|².
            var imF = remainderSquared * g.im
            for k in lambda.indices {
                let dr = 1 + lambda[k] * g.re, di = lambda[k] * g.im
                imF += weight[k] * lambda[k] * lambda[k] * g.im / (dr * dr + di * di)
            }
            // At N = ∞, g = −1/z and Im F/π = Σ w λ²·(δx)/((λ − x)² + (δx)²)/π.
            var imInfinite = 0.0
            let width = Self.relativeWidth * x
            for k in smoothed { imInfinite += weight[k] * lambda[k] * lambda[k] * width / ((lambda[k] - x) * (lambda[k] - x) + width * width) }
            xs.append(x)
            rho.append(max(0, imF) / Double.pi * logRatio)  // ρ dx / x with dx = x·ln(ratio)
            rhoInfinite.append(imInfinite / Double.pi * logRatio)
            x /= Self.nodeRatio
        }
        nodes = xs.reversed()
        measure = rho.reversed()
        infiniteMeasure = rhoInfinite.reversed()
        converged = allConverged
    }

    /// The mean-path loss after t steps of size η.
    func loss(steps t: Double, stepSize eta: Double) -> Double {
        approximationError + integral(measure, steps: t, stepSize: eta)
    }

    /// L_path,N(t) − L_path,∞(t) with both read at the same δ on the same nodes, so that the reading's bias (≈ 0.5% of
    /// each) cancels in the difference, which is of relative order A(t)/N.
    func excessOverInfinite(steps t: Double, stepSize eta: Double) -> Double {
        var infinite = integral(infiniteMeasure, steps: t, stepSize: eta)
        for (lambda, weight) in unsmoothed { infinite += weight * lambda * exp(2 * t * log(abs(1 - eta * lambda))) }
        return loss(steps: t, stepSize: eta) - infinite
    }

    /// Σ_k μ_k |1 − ηx_k|^(2t) over the nodes.
    private func integral(_ mu: [Double], steps t: Double, stepSize eta: Double) -> Double {
        var sum = 0.0
        for k in nodes.indices {
            let factor = abs(1 - eta * nodes[k])
            if factor == 0 { continue }
            sum += mu[k] * exp(2 * t * log(factor))
        }
        return sum
    }
}

/// g(z) for z in the upper half-plane solving g·(S(g) − z) = 1 with S(g) = c + Σ_k u_kλ_k/(1 + λ_kg): the Stieltjes
/// transform of the feature Gram matrix's spectrum (per feature) in its deterministic equivalent (internal).
struct SpectralEquation: Sendable {
    let lambda: [Double]
    /// Multiplicities divided by N, and the never-resolved coordinates' Σλ/N.
    let weight: [Double]
    let constant: Double

    /// S(g) and S'(g) as (re, im) pairs.
    func sums(_ g: (re: Double, im: Double)) -> (s: (re: Double, im: Double), ds: (re: Double, im: Double)) {
        var sRe = constant, sIm = 0.0, dRe = 0.0, dIm = 0.0
        for k in lambda.indices {
            let l = lambda[k]
            let dr = 1 + l * g.re, di = l * g.im
            let m2 = dr * dr + di * di
            // u λ / d = u λ (dr − i di)/|d|²; −u λ²/d² = −u λ² (dr² − di² − 2i dr di)/|d|⁴.
            let c = weight[k] * l / m2
            sRe += c * dr
            sIm -= c * di
            let c2 = weight[k] * l * l / (m2 * m2)
            dRe -= c2 * (dr * dr - di * di)
            dIm += c2 * 2 * dr * di
        }
        return ((sRe, sIm), (dRe, dIm))
    }

    /// The root with Im g > 0 near `start` (the neighbouring node's root): Newton, then the contracting damped fixed
    /// point g ← 1/(S(g) − z) if Newton leaves the half-plane or stalls; `converged` says whether either reached 10⁻¹².
    func solve(zRe: Double, zIm: Double, start: (re: Double, im: Double)) -> (g: (re: Double, im: Double), converged: Bool) {
        var g = start
        for _ in 0..<60 {
            let (s, ds) = sums(g)
            let aRe = s.re - zRe, aIm = s.im - zIm  // S − z
            let fRe = g.re * aRe - g.im * aIm - 1, fIm = g.re * aIm + g.im * aRe  // g(S − z) − 1
            let pRe = aRe + g.re * ds.re - g.im * ds.im, pIm = aIm + g.re * ds.im + g.im * ds.re  // (S − z) + g S'
            let p2 = pRe * pRe + pIm * pIm
            let stepRe = (fRe * pRe + fIm * pIm) / p2, stepIm = (fIm * pRe - fRe * pIm) / p2
            let next = (re: g.re - stepRe, im: g.im - stepIm)
            guard next.re.isFinite, next.im.isFinite, next.im > 0 else { break }
            g = next
            if hypot(stepRe, stepIm) <= 1e-12 * hypot(g.re, g.im) { return (g, true) }
        }
        g = start.im > 0 ? start : (start.re, 1e-300)
        for _ in 0..<20000 {
            let s = sums(g).s
            let aRe = s.re - zRe, aIm = s.im - zIm, a2 = aRe * aRe + aIm * aIm
            let next = (re: aRe / a2, im: -aIm / a2)
            let change = hypot(next.re - g.re, next.im - g.im)
            g = (0.5 * (g.re + next.re), 0.5 * (g.im + next.im))
            if change <= 1e-12 * hypot(g.re, g.im) { return (g, true) }
        }
        return (g, false)
    }
}
