import Foundation

/// OUR OWN finite-N, finite-t prediction for one-pass SGD on random features with sparse inputs
/// (docs/theory-online-sgd.md): the exact N = ∞ mean (decoupled law plus the other coordinates' error
/// injected by every step, L_× = Σ_j λ_j Σ_{s<t} η²λ_j(L(s) − λ_j r_j^s) r_j^(t−1−s)) plus the two leaks that WᵀW ≠ I opens,
///     L_N(t) ≈ L_∞(t) + L_×(t) + N/(N − A(t) − 1) · [L_coh(t) + L_noise(t)],
/// L_coh = (1/N) Σ_j λ_j Σ_{i≠j} [λ_i(ρ_i^t − ρ_j^t)/(λ_j − λ_i)]² (the mean pull of learned coordinates
/// on the others through P_ji ~ N(0, 1/N), ρ_i = 1 − ηλ_i), L_noise = Σ_j λ_j Σ_{s<t} S(s) r_j^(t−s) with
/// S(s) = (η²/N)[L_N(s)·Σλ + Σ_k (3a_kλ_k − λ_k²) r_k^s] (SGD noise leaked into every coordinate), and
/// A(t) = Σ_i (1 − ρ_i^t)², the learned mass whose readout norm grows as N/(N − A − 1) (inverse Wishart).
public struct OnlineSGDFiniteNPrediction: Sendable, Hashable, Codable {
    /// The steps t at which the loss is predicted (ascending, as given).
    public let steps: [Int]
    /// The predicted E[L_N(t)] at each step.
    public let loss: [Double]
    /// The decoupled N = ∞ part L_∞(t) = Σ_i λ_i r_i^t at each step (not multiplied by N/(N − A − 1)).
    public let decoupled: [Double]
    /// The N = ∞ cross-coordinate injection L_×(t) at each step (each step adds η²x_j²(e·x)² to coordinate j's
    /// squared error, whose mean η²λ_j·(L − λ_j e_j²) the decoupled law drops; not multiplied by the factor).
    public let crossInjection: [Double]
    /// The coherent pull of learned coordinates on the others at each step (the same factor applied).
    public let coherentLeak: [Double]
    /// The SGD noise leaked into coordinates never damped, at each step (the same factor applied).
    public let noiseLeak: [Double]
    /// A(t) = Σ_i (1 − ρ_i^t)², the learned mass. The 1/N expansion and its resummation N/(N − A − 1) hold
    /// for A ≤ N/2 (correction factor ≤ 2); beyond, the readout saturates (the underparameterized regime), not derived.
    public let learnedMass: [Double]
    /// Whether A(t) ≤ N/2 at each step (the prediction's range).
    public var inRange: [Bool] { learnedMass.map { $0 <= Double(featureCount) / 2 } }
    /// N.
    public let featureCount: Int
    /// The constant step size η.
    public let stepSize: Double

    /// The prediction at `steps` (each ≥ 0) for N features and constant step η; coordinates beyond
    /// 256 are grouped in geometric bins of ratio 1.02 (relative error of the sums ~1e-4). Infinite
    /// where the learned mass reaches N − 1 or the step is unstable.
    public init(parameters: DataParameters, featureCount n: Int, stepSize eta: Double, steps: [Int]) {
        self.steps = steps
        featureCount = n
        stepSize = eta
        let maxT = Double(steps.max() ?? 1)
        let binned = Self.coordinates(parameters, stepSize: eta, maxSteps: maxT)
        let coordinates = binned.indices, remainder = binned.remainder
        let lambda = coordinates.map { parameters.marginalVariance($0.index) }
        let a = coordinates.map { parameters.activeVariance($0.index) }
        let p = coordinates.map { parameters.activationProbability($0.index) }
        let w = coordinates.map(\.weight)
        let r = zip(zip(p, a), lambda).map { pa, _ in 1 - pa.0 * (2 * eta * pa.1 - 3 * eta * eta * pa.1 * pa.1) }
        let rho = lambda.map { 1 - eta * $0 }
        let oneMinusR = zip(p, a).map { $0.0 * (2 * eta * $0.1 - 3 * eta * eta * $0.1 * $0.1) }
        let logR = oneMinusR.map { log1p(-$0) }
        // The injected part's own damping r'_j = r_j − η²λ_j² (docs/theory-online-sgd.md, the exact N = ∞ mean).
        let oneMinusCrossR = zip(oneMinusR, lambda).map { $0.0 + eta * eta * $0.1 * $0.1 }
        let logCrossR = oneMinusCrossR.map { log1p(-$0) }
        let unstable = r.contains { abs($0) >= 1 } || rho.contains { abs($0) >= 1 }
        let traceLambda = zip(lambda, w).reduce(0) { $0 + $1.0 * $1.1 } + remainder
        // Σ λ_i² over the never-learned coordinates beyond the bins (they take the injection undamped).
        let remainderSquared = remainder > 0 ? Zeta.powerSum(2 * parameters.varianceExponent, from: binned.end + 1, through: parameters.inputDimension.finiteValue) : 0
        let nD = Double(n)
        // The grid of s: every step below 64, then 24 per decade, and every requested step.
        var grid = Set(steps.filter { $0 >= 0 })
        for s in 0..<min(64, Int(maxT) + 1) { grid.insert(s) }
        var x = 64.0
        while x < maxT { grid.insert(Int(x.rounded())); x *= pow(10, 1.0 / 24) }
        let sGrid = grid.sorted()
        var total: [Int: (Double, Double, Double, Double, Double, Double)] = [:]
        var sources: [(s: Double, rate: Double, loss: Double)] = []  // S(s) and L_N(s) at grid points
        for (g, s) in sGrid.enumerated() {
            let t = Double(s)
            if unstable && t > 0 { total[s] = (.infinity, .infinity, .infinity, .infinity, .infinity, .infinity); continue }
            let rt = r.map { pow($0, t) }, rhot = rho.map { pow($0, t) }
            var l0 = remainder
            for k in lambda.indices { l0 += w[k] * lambda[k] * rt[k] }
            var learned = 0.0
            for k in lambda.indices { learned += w[k] * (1 - rhot[k]) * (1 - rhot[k]) }
            // Coherent leak: pairs (i, j) of binned coordinates; same-bin pairs use the limit λ_i·ηt·ρ^(t−1).
            var coherent = 0.0
            for j in lambda.indices {
                var inner = 0.0
                for i in lambda.indices {
                    let amp: Double
                    let pairs: Double
                    if i == j {
                        pairs = w[i] - 1
                        if pairs <= 0 { continue }
                        amp = lambda[i] * eta * t * pow(rho[i], max(0, t - 1))
                    } else {
                        pairs = w[i]
                        let diff = lambda[j] - lambda[i]
                        amp = abs(diff) < 1e-14 * lambda[i] ? lambda[i] * eta * t * pow(rho[i], max(0, t - 1)) : lambda[i] * (rhot[i] - rhot[j]) / diff
                    }
                    inner += pairs * amp * amp
                }
                coherent += w[j] * lambda[j] * inner
            }
            // Coordinates beyond the bins: undamped, each gets the learned coordinates' full pull.
            coherent += remainder * learned
            coherent /= nD
            // Noise leak: trapezoid over the earlier grid points of S(s)·Σ_j λ_j r_j^(t−s).
            // The cross injection D_j(t) = Σ_{s<t} r'_j^(t−1−s)·η²λ_j(L(s) − λ_j r_j^s), r'_j = r_j − η²λ_j²: the same sum
            // with λ_j² and r'_j, and the own-coordinate part in closed form, Σ_{s<t} η²λ_j² r^s r'^(t−1−s) = r^t − r'^t.
            var noise = 0.0, cross = 0.0
            if g > 0 {
                for q in 0..<g {
                    let (s0, rate0, loss0) = sources[q]
                    let s1 = q + 1 < g ? sources[q + 1].s : t
                    let width = s1 - s0
                    if width <= 0 { continue }
                    // Each source varies geometrically across [s0, s1) (toward its next grid value; on the last
                    // interval, at the previous interval's rate), and the damping is summed exactly:
                    // Σ_{m<w} src(s0)·g^m·r^(t−1−s0−m). A fast coordinate (coordinate 1, 1 − r' ≈ 0.375) keeps
                    // only the last few steps' injection, which a midpoint rule on the ×1.1 grid would miss.
                    let (rateSlope, lossSlope) = Self.logSlopes(sources, q, g, width)
                    let age = t - 1 - s0
                    var decay = remainder * Self.geometricSum(rateSlope, width)
                    var decaySquared = remainderSquared * Self.geometricSum(lossSlope, width)
                    for k in lambda.indices {
                        decay += w[k] * lambda[k] * Self.dampedSum(age: age, logDamping: logR[k], slope: rateSlope, width: width)
                        decaySquared += w[k] * lambda[k] * lambda[k] * Self.dampedSum(age: age, logDamping: logCrossR[k], slope: lossSlope, width: width)
                    }
                    noise += rate0 * decay
                    cross += eta * eta * loss0 * decaySquared
                }
                for k in lambda.indices { cross -= w[k] * lambda[k] * (pow(r[k], t) - exp(t * logCrossR[k])) }
            }
            let room = nD - learned - 1
            let factor = room > 0 ? nD / room : .infinity
            let lossN = l0 + cross + factor * (coherent + noise)
            var kurtosis = 0.0
            for k in lambda.indices { kurtosis += w[k] * (3 * a[k] * lambda[k] - lambda[k] * lambda[k]) * rt[k] }
            sources.append((t, eta * eta / nD * (lossN * traceLambda + kurtosis), lossN))
            total[s] = (lossN, l0, factor * coherent, factor * noise, learned, cross)
        }
        loss = steps.map { total[$0]?.0 ?? .nan }
        decoupled = steps.map { total[$0]?.1 ?? .nan }
        coherentLeak = steps.map { total[$0]?.2 ?? .nan }
        noiseLeak = steps.map { total[$0]?.3 ?? .nan }
        learnedMass = steps.map { total[$0]?.4 ?? .nan }
        crossInjection = steps.map { total[$0]?.5 ?? .nan }
    }

    /// Σ_{m<w} e^(m·slope)·e^((age − m)·logDamping): a geometric source damped to the present, factored so that
    /// neither factor overflows (the largest term is pulled out).
    static func dampedSum(age: Double, logDamping: Double, slope: Double, width: Double) -> Double {
        let x = slope - logDamping
        return x > 0 ? exp(age * logDamping + (width - 1) * x) * geometricSum(-x, width) : exp(age * logDamping) * geometricSum(x, width)
    }

    /// Σ_{m=0}^{count−1} e^(m·x) = expm1(count·x)/expm1(x), without cancellation near x = 0.
    static func geometricSum(_ x: Double, _ count: Double) -> Double {
        abs(x) < 1e-14 ? count : expm1(count * x) / expm1(x)
    }

    /// The per-step log slopes of the noise source S(s) and of L(s) across grid interval q of width w: toward
    /// the next grid value, or on the last interval (whose end is being computed) the previous interval's slope.
    static func logSlopes(_ sources: [(s: Double, rate: Double, loss: Double)], _ q: Int, _ g: Int, _ width: Double) -> (Double, Double) {
        func slope(_ a: Double, _ b: Double, _ span: Double) -> Double {
            let x = log(b / a) / span
            return x.isFinite ? x : 0
        }
        if q + 1 < g { return (slope(sources[q].rate, sources[q + 1].rate, width), slope(sources[q].loss, sources[q + 1].loss, width)) }
        guard q > 0 else { return (0, 0) }
        let span = sources[q].s - sources[q - 1].s
        return (slope(sources[q - 1].rate, sources[q].rate, span), slope(sources[q - 1].loss, sources[q].loss, span))
    }

    /// Representative coordinates with multiplicities: 1…256 one by one, then geometric bins of ratio
    /// 1.02 up to where 2ηλ_i·t < 1e-4 (or M); the rest Σλ_i beyond as `remainder` (never learned).
    static func coordinates(_ parameters: DataParameters, stepSize eta: Double, maxSteps: Double) -> (indices: [(index: Int, weight: Double)], remainder: Double, end: Int) {
        let s = parameters.varianceExponent
        let m = parameters.inputDimension.finiteValue
        let wanted = pow(2 * eta * max(maxSteps, 1) * 1e4, 1 / s)
        let end = Int(min(Double(m ?? Int.max), max(512, min(wanted, 1e9))))
        var out: [(index: Int, weight: Double)] = []
        var i = 1
        while i <= end {
            if i <= 256 { out.append((i, 1)); i += 1; continue }
            let hi = min(end, max(i, Int(Double(i) * 1.02)))
            let mid = Int((Double(i) * Double(hi)).squareRoot().rounded())
            out.append((mid, Double(hi - i + 1)))
            i = hi + 1
        }
        let remainder = (m.map { $0 > end } ?? true) ? Zeta.powerSum(s, from: end + 1, through: m) : 0
        return (out, remainder, end)
    }
}
