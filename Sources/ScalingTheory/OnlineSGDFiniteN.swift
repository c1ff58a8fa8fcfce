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
            // The cross injection takes the same sum with λ_j² in place of λ_j and source η²L(s); its own-coordinate
            // part η²λ_j² r_j^s is subtracted in closed form (Σ_{s<t} r^s r^(t−1−s) = t r^(t−1)).
            var noise = 0.0, cross = 0.0
            if g > 0 {
                for q in 0..<g {
                    let (s0, rate0, loss0) = sources[q]
                    let s1 = q + 1 < g ? sources[q + 1].s : t
                    let width = s1 - s0
                    if width <= 0 { continue }
                    var decay = remainder, decaySquared = remainderSquared
                    for k in lambda.indices {
                        let d = w[k] * lambda[k] * pow(r[k], t - s0 - 0.5 * width)
                        decay += d
                        decaySquared += d * lambda[k]
                    }
                    noise += rate0 * width * decay
                    cross += eta * eta * loss0 * width * decaySquared
                }
                for k in lambda.indices { cross -= eta * eta * w[k] * pow(lambda[k], 3) * t * pow(r[k], t - 1) }
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
