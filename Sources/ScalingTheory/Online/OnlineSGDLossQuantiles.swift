import Foundation

/// OUR law of the decoupled one-pass SGD loss over seeds (docs/theory-online-sgd.md, "Spread over seeds"):
///     L_dec(t) = Σ_{i seen by t} λ_i w*_i² Π_{activations}(1 − ηa_iξ²)² + Σ_{i unseen} λ_i,
/// coordinates independent (teacher w*_i ~ N(0, 1), activations ~ Binomial(t, p_i), ξ ~ N(0, 1)), an unseen
/// coordinate counted at its expected λ_i as the measured loss counts it, plus the cross injection into the fast
/// coordinates drawn with each draw (`FastCoordinateInjection`). Its quantiles come from a seeded Monte Carlo of this
/// law (not of the model): the median, not the mean, is what a median over seeds estimates.
public struct OnlineSGDLossQuantiles: Sendable, Hashable, Codable {
    /// The steps t (ascending, as given).
    public let steps: [Int]
    /// The 10%, 50% and 90% quantiles of L_dec(t) plus the fast coordinates' injection at each step.
    public let q10: [Double]
    public let median: [Double]
    public let q90: [Double]
    /// The mean E L_dec(t) = Σλ_i r_i^t at each step (the decoupled law).
    public let mean: [Double]
    /// Draws of the law behind each quantile.
    public let draws: Int
    /// The typical error of a median over `seeds` seeds at each step: the median over 400 subsets of `seeds` draws
    /// of |subset median / law median − 1|. A measured median over that many seeds misses the true one by about
    /// this much from the seeds' spread alone (nil when `seeds` was not given).
    public let seedMedianError: [Double]?
    /// The coordinates drawn one by one; beyond, each contributes its mean λ_i r_i^t (their spread is below 1e-3
    /// of the loss's at the cutoff 32·(ηT)^(1/(1+α+β)), docs/theory-online-sgd.md).
    public let coordinatesDrawn: Int
    /// The fast coordinates 1…J whose cross injection is drawn with each draw (`FastCoordinateInjection`); the rest of
    /// the cross injection is not in these quantiles (the caller adds its mean).
    public let fastCoordinates: Int

    /// The quantiles at `steps` (each ≥ 0) for constant step η, from `draws` draws of the law seeded by `seed`.
    /// Cost: draws × coordinates × steps binomial draws (about a second at T = 5·10⁵, 2000 draws).
    public init(parameters: DataParameters, stepSize eta: Double, steps: [Int], draws: Int = 2000, seed: UInt64 = 1, seeds: Int? = nil) {
        let sorted = steps.sorted()
        self.steps = steps
        self.draws = draws
        let maxT = Double(sorted.last ?? 0)
        let learnedEdge = pow(eta * max(maxT, 1), 1 / parameters.varianceExponent)
        let cutoff = Int(min(Double(parameters.inputDimension.finiteValue ?? Int.max), max(256, 32 * learnedEdge)))
        coordinatesDrawn = cutoff
        let lambda = (1...cutoff).map(parameters.marginalVariance)
        let p = (1...cutoff).map(parameters.activationProbability)
        let epsilon = (1...cutoff).map { eta * parameters.activeVariance($0) }
        let moments = epsilon.map(Self.logFactorMoments)
        var r = [Double](repeating: 1, count: cutoff)
        for i in 0..<cutoff {
            let e = epsilon[i]
            r[i] = 1 - p[i] * (2 * e - 3 * e * e)
        }
        // The mean of the coordinates beyond the cutoff at each step: the decoupled law minus the drawn ones.
        let tailMean = sorted.map { t -> Double in
            var drawn = 0.0
            for i in 0..<cutoff { drawn += lambda[i] * pow(r[i], Double(t)) }
            return max(0, parameters.onlineLoss(steps: Double(t), stepSize: eta) - drawn)
        }
        let injection = FastCoordinateInjection(parameters: parameters, stepSize: eta, p: p, activeVariance: (1...cutoff).map(parameters.activeVariance))
        fastCoordinates = injection.fast.count
        var samples = [[Double]](repeating: [Double](repeating: 0, count: draws), count: sorted.count)
        var random = LawSampler(seed: seed)
        var logFactor = [Double](repeating: 0, count: cutoff)
        var teacher = [Double](repeating: -1, count: cutoff)  // w*_i², −1 while unseen
        // P(no activation in interval k) for every coordinate, computed once: most draws stop at one comparison.
        var intervals: [Int] = []
        var previousStep = 0
        for t in sorted { intervals.append(t - previousStep); previousStep = t }
        let none = intervals.map { n in p.map { n > 0 ? exp(Double(n) * log1p(-min($0, 1))) : 1 } }
        for d in 0..<draws {
            for i in 0..<cutoff { logFactor[i] = 0; teacher[i] = -1 }
            var previous = 0
            for (k, t) in sorted.enumerated() {
                let interval = t - previous
                previous = t
                var loss = tailMean[k]
                for i in 0..<cutoff {
                    let count = interval > 0 ? Self.drawCount(interval, p[i], none: none[k][i], random: &random) : 0
                    if count > 0 {
                        if teacher[i] < 0 { teacher[i] = random.chiSquared(1) }
                        logFactor[i] += Self.drawLogFactorSum(count, epsilon: epsilon[i], moments: moments[i], random: &random)
                    }
                    loss += teacher[i] < 0 ? lambda[i] : lambda[i] * teacher[i] * exp(logFactor[i])
                }
                loss += injection.draw(steps: t, lambda: lambda, magnitude: { i, random in
                    (teacher[i] < 0 ? random.chiSquared(1) : teacher[i] * exp(logFactor[i])).squareRoot()
                }, random: &random)
                samples[k][d] = loss
            }
        }
        var quantiles: [Int: (Double, Double, Double, Double)] = [:]
        for (k, t) in sorted.enumerated() {
            let s = samples[k].sorted()
            func q(_ level: Double) -> Double { s[min(draws - 1, max(0, Int((level * Double(draws)).rounded(.down))))] }
            var subsetError = Double.nan
            if let seeds, seeds >= 1 {
                var errors: [Double] = []
                for _ in 0..<400 {
                    let subset = (0..<seeds).map { _ in samples[k][Int(random.next() % UInt64(draws))] }.sorted()
                    let m = seeds % 2 == 1 ? subset[seeds / 2] : 0.5 * (subset[seeds / 2 - 1] + subset[seeds / 2])
                    errors.append(abs(m / q(0.5) - 1))
                }
                errors.sort()
                subsetError = 0.5 * (errors[199] + errors[200])
            }
            quantiles[t] = (q(0.1), q(0.5), q(0.9), subsetError)
        }
        seedMedianError = seeds == nil ? nil : steps.map { quantiles[$0]!.3 }
        q10 = steps.map { quantiles[$0]!.0 }
        median = steps.map { quantiles[$0]!.1 }
        q90 = steps.map { quantiles[$0]!.2 }
        mean = steps.map { parameters.onlineLoss(steps: Double($0), stepSize: eta) }
    }

    /// Binomial(n, p) given P(0) = (1 − p)^n: 0 when a uniform falls below P(0), otherwise inversion continued
    /// from there (mean below 30) or the law's normal-approximation draw.
    static func drawCount(_ n: Int, _ p: Double, none: Double, random: inout LawSampler) -> Int {
        if p >= 1 { return n }
        let mean = Double(n) * p
        if mean >= 30 || p > 0.5 { return random.binomial(n, p) }
        let u = random.uniform()
        if u < none { return 0 }
        var pmf = none, cdf = none, k = 0
        let ratio = p / (1 - p)
        while u > cdf && k < n {
            pmf *= ratio * Double(n - k) / Double(k + 1)
            k += 1
            cdf += pmf
            if pmf < 1e-300 && Double(k) > mean { break }
        }
        return k
    }

    /// Σ of `count` independent 2·ln|1 − εξ²|: drawn one by one up to 32 terms, beyond by the normal law with the
    /// exact mean and variance (the log factor has light tails on both sides, so the sum of > 32 is normal to < 1%).
    static func drawLogFactorSum(_ count: Int, epsilon: Double, moments: (mean: Double, variance: Double), random: inout LawSampler) -> Double {
        if count <= 32 {
            var s = 0.0
            for _ in 0..<count {
                let xi = random.normal()
                s += 2 * log(abs(1 - epsilon * xi * xi))
            }
            return s
        }
        let c = Double(count)
        return c * moments.mean + (c * moments.variance).squareRoot() * random.normal()
    }

    /// Mean and variance of g = 2·ln|1 − εξ²| for ξ ~ N(0, 1), by Gauss–Legendre quadrature split at the
    /// singularity ξ₀ = ε^(−½) with substitutions that make the logarithmic endpoint smooth (relative error < 1e-8).
    static func logFactorMoments(_ epsilon: Double) -> (mean: Double, variance: Double) {
        let phi = { (x: Double) in 2 * exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }  // density of |ξ|
        let x0 = 1 / epsilon.squareRoot(), top = 14.0
        // The integrand of E gᵖ after the substitution x(y) with Jacobian dx/dy (0 at the singular point itself).
        func moment(_ power: Double, _ x: (Double) -> Double, _ jacobian: (Double) -> Double, _ lower: Double, _ upper: Double) -> Double {
            let panels = 16
            var sum = 0.0
            for j in 0..<panels {
                let a = lower + (upper - lower) * Double(j) / Double(panels), b = lower + (upper - lower) * Double(j + 1) / Double(panels)
                sum += GaussLegendre.panel(a, b) { y in
                    let v = 2 * log(abs(1 - epsilon * x(y) * x(y)))
                    return v.isFinite ? phi(x(y)) * jacobian(y) * pow(v, power) : 0
                }
            }
            return sum
        }
        var m1 = 0.0, m2 = 0.0
        if x0 < top {
            // Left of ξ₀: ξ = ξ₀(1 − y²), y ∈ [0, 1]; right: ξ = ξ₀ + y², y ∈ [0, √(top − ξ₀)].
            let left = { (y: Double) in x0 * (1 - y * y) }, leftJacobian = { (y: Double) in 2 * x0 * y }
            let right = { (y: Double) in x0 + y * y }, rightJacobian = { (y: Double) in 2 * y }
            let edge = (top - x0).squareRoot()
            m1 = moment(1, left, leftJacobian, 0, 1) + moment(1, right, rightJacobian, 0, edge)
            m2 = moment(2, left, leftJacobian, 0, 1) + moment(2, right, rightJacobian, 0, edge)
        } else {
            m1 = moment(1, { $0 }, { _ in 1 }, 0, top)
            m2 = moment(2, { $0 }, { _ in 1 }, 0, top)
        }
        return (m1, max(0, m2 - m1 * m1))
    }
}
