import Foundation

/// OUR OWN finite-N, finite-t prediction for one-pass SGD on random features with sparse inputs
/// (docs/theory-online-sgd.md): the exact N = ∞ mean (decoupled law plus the other coordinates' error injected by
/// every step, L_×) plus what WᵀW ≠ I changes,
///     L_N(t) ≈ L_∞(t) + L_×(t) + [L_path,N(t) − L_path,∞(t)] + L_noise(t),
/// where L_path is the mean path (gradient descent on the population loss; at finite N by the deterministic
/// equivalent of H = WΛWᵀ, `MeanPathEquivalent`), and L_noise is the SGD noise leaked through P_jk ~ N(0, 1/N)
/// from coordinate k into j, damped with the faster of the two.
public struct OnlineSGDFiniteNPrediction: Sendable, Hashable, Codable {
    /// The steps t at which the loss is predicted (ascending, as given).
    public let steps: [Int]
    /// The predicted E[L_N(t)] at each step.
    public let loss: [Double]
    /// The decoupled N = ∞ part L_∞(t) = Σ_i λ_i r_i^t at each step.
    public let decoupled: [Double]
    /// The N = ∞ cross-coordinate injection L_×(t) at each step (each step adds η²x_j²(e·x)² to coordinate j's
    /// squared error, whose mean η²λ_j·(L − λ_j e_j²) the decoupled law drops).
    public let crossInjection: [Double]
    /// The part of `crossInjection` in the fast coordinates (`FastCoordinateInjection.fastIndices`), whose spread over
    /// seeds the loss quantiles draw.
    public let fastCrossInjection: [Double]
    /// The finite-N mean path's excess over the N = ∞ one, L_path,N(t) − Σ_i λ_i(1 − ηλ_i)^(2t), at each step: the
    /// coherent pull of learned coordinates on the others, the readout norm, and the approximation floor.
    public let meanPathExcess: [Double]
    /// The SGD noise leaked into other coordinates through P = WᵀW ≠ I at each step.
    public let noiseLeak: [Double]
    /// A(t) = Σ_i (1 − ρ_i^t)², the learned mass. The noise leak is first order in A/N, so the prediction's range
    /// is A ≤ N/2; beyond, the readout saturates (the underparameterized regime).
    public let learnedMass: [Double]
    /// Whether A(t) ≤ N/2 at each step (the prediction's range).
    public var inRange: [Bool] { learnedMass.map { $0 <= Double(featureCount) / 2 } }
    /// Whether the spectral equation of the mean path's equivalent converged everywhere.
    public let converged: Bool
    /// N.
    public let featureCount: Int
    /// The constant step size η.
    public let stepSize: Double

    /// The prediction at `steps` (each ≥ 0) for N features and constant step η; coordinates beyond
    /// 256 are grouped in geometric bins of ratio 1.02 (relative error of the sums ~1e-4). Infinite
    /// where the step is unstable.
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
        // Σ λ_i² over the never-learned coordinates beyond the bins (they take the injection undamped).
        let remainderSquared = remainder > 0 ? Zeta.powerSum(2 * parameters.varianceExponent, from: binned.end + 1, through: parameters.inputDimension.finiteValue) : 0
        let nD = Double(n)
        // The mean path at N: its own coordinates reach far below H's spectrum (λ ≤ 10⁻⁶·λ_N). Its excess over N = ∞ is
        // of relative order A(t)/N; where A(T) < 10⁻⁶·N it is the N = ∞ path.
        let learnedAtEnd = zip(rho, w).reduce(0) { $0 + $1.1 * pow(1 - pow($1.0, maxT), 2) }
        let path = learnedAtEnd < 1e-6 * nD ? nil : Self.meanPath(parameters, featureCount: n)
        converged = path?.converged ?? true
        // The noise leak's kernel is the faster of source and receiver damping: coordinates ranked fastest first
        // (smallest r), each source k split into its L part λ_k·L(s) and its kurtosis part κ_k r_k^s, κ_k = 3a_kλ_k − λ_k².
        let fast = Set(FastCoordinateInjection.fastIndices(parameters, stepSize: eta).map { $0 - 1 })  // coordinates 1…256 are one per index
        let kurtosisWeight = zip(a, lambda).map { 3 * $0.0 * $0.1 - $0.1 * $0.1 }
        let order = lambda.indices.sorted { (oneMinusR[$0], $0) > (oneMinusR[$1], $1) }
        var slowerLambda = [Double](repeating: 0, count: lambda.count)  // Σ w_kλ_k over sources slower than j, plus the remainder
        var running = remainder
        for j in order.reversed() { slowerLambda[j] = running; running += w[j] * lambda[j] }
        // The grid of s: every step below 64, then 24 per decade, and every requested step.
        var grid = Set(steps.filter { $0 >= 0 })
        for s in 0..<min(64, Int(maxT) + 1) { grid.insert(s) }
        var x = 64.0
        while x < maxT { grid.insert(Int(x.rounded())); x *= pow(10, 1.0 / 24) }
        let sGrid = grid.sorted()
        var total: [Int: (loss: Double, decoupled: Double, path: Double, noise: Double, learned: Double, cross: Double, fastCross: Double)] = [:]
        var sources: [(s: Double, loss: Double)] = []  // L_N(s) at grid points
        for (g, s) in sGrid.enumerated() {
            let t = Double(s)
            if unstable && t > 0 { total[s] = (.infinity, .infinity, .infinity, .infinity, .infinity, .infinity, .infinity); continue }
            let rt = r.map { pow($0, t) }, rhot = rho.map { pow($0, t) }
            var l0 = remainder, learned = 0.0
            for k in lambda.indices {
                l0 += w[k] * lambda[k] * rt[k]
                learned += w[k] * (1 - rhot[k]) * (1 - rhot[k])
            }
            let pathExcess = path?.excessOverInfinite(steps: t, stepSize: eta) ?? 0
            // Noise leak (docs/theory-online-sgd.md, "Leaked SGD noise"): E_j = Σ_{s<t} L(s) r_j^(t−1−s) per coordinate and
            // E_rem = Σ_{s<t} L(s) for the never-learned remainder, on the grid. The cross injection
            // D_j(t) = Σ_{s<t} r'_j^(t−1−s)·η²λ_j(L(s) − λ_j r_j^s), r'_j = r_j − η²λ_j²: the same sum with λ_j² and r'_j,
            // and the own-coordinate part in closed form, Σ_{s<t} η²λ_j² r^s r'^(t−1−s) = r^t − r'^t.
            var noise = 0.0, cross = 0.0, fastCross = 0.0
            var dampedLoss = [Double](repeating: 0, count: lambda.count), undampedLoss = 0.0
            if g > 0 {
                for q in 0..<g {
                    let (s0, loss0) = sources[q]
                    let s1 = q + 1 < g ? sources[q + 1].s : t
                    let width = s1 - s0
                    if width <= 0 { continue }
                    // L(s) varies geometrically across [s0, s1) (toward its next grid value; on the last interval, at
                    // the previous interval's rate), and the damping is summed exactly: Σ_{m<w} L(s0)·g^m·r^(t−1−s0−m).
                    // A fast coordinate (coordinate 1, 1 − r' ≈ 0.375) keeps only the last few steps' injection,
                    // which a midpoint rule on the ×1.1 grid would miss.
                    let lossSlope = Self.logSlope(sources, q, g, width)
                    let age = t - 1 - s0
                    undampedLoss += loss0 * Self.geometricSum(lossSlope, width)
                    var decaySquared = remainderSquared * Self.geometricSum(lossSlope, width), fastDecaySquared = 0.0
                    for k in lambda.indices {
                        dampedLoss[k] += loss0 * Self.dampedSum(age: age, logDamping: logR[k], slope: lossSlope, width: width)
                        let injected = w[k] * lambda[k] * lambda[k] * Self.dampedSum(age: age, logDamping: logCrossR[k], slope: lossSlope, width: width)
                        decaySquared += injected
                        if fast.contains(k) { fastDecaySquared += injected }
                    }
                    cross += eta * eta * loss0 * decaySquared
                    fastCross += eta * eta * loss0 * fastDecaySquared
                }
                for k in lambda.indices {
                    let own = w[k] * lambda[k] * (pow(r[k], t) - exp(t * logCrossR[k]))
                    cross -= own
                    if fast.contains(k) { fastCross -= own }
                }
                noise = Self.noiseLeak(t: t, order: order, weight: w, lambda: lambda, kurtosis: kurtosisWeight, logR: logR,
                                       slowerLambda: slowerLambda, dampedLoss: dampedLoss, remainder: remainder, undampedLoss: undampedLoss) * eta * eta / nD
            }
            let lossN = l0 + cross + pathExcess + noise
            sources.append((t, lossN))
            total[s] = (lossN, l0, pathExcess, noise, learned, cross, fastCross)
        }
        loss = steps.map { total[$0]?.loss ?? .nan }
        decoupled = steps.map { total[$0]?.decoupled ?? .nan }
        meanPathExcess = steps.map { total[$0]?.path ?? .nan }
        noiseLeak = steps.map { total[$0]?.noise ?? .nan }
        learnedMass = steps.map { total[$0]?.learned ?? .nan }
        crossInjection = steps.map { total[$0]?.cross ?? .nan }
        fastCrossInjection = steps.map { total[$0]?.fastCross ?? .nan }
    }

    /// The deterministic equivalent of the mean path at N features, over coordinates binned down to λ ≤ 10⁻⁶·N^−(1+α+β)
    /// (far below H's spectrum, which starts near ν₀/6 ≳ λ_N/10); nil where that index passes 10¹⁵ with M beyond it
    /// (N > 10¹⁵⁻⁶ᐟ⁽¹⁺ᵅ⁺ᵝ⁾), where the mean path is the N = ∞ one to a relative A(t)/N.
    static func meanPath(_ parameters: DataParameters, featureCount n: Int) -> MeanPathEquivalent? {
        let s = parameters.varianceExponent
        let end = Double(n) * pow(10, 6 / s)
        if end > 1e15 && (parameters.inputDimension.finiteValue.map { Double($0) > 1e15 } ?? true) { return nil }
        let binned = coordinates(parameters, through: end, cap: 1e15)
        let remainderSquared = binned.remainder > 0 ? Zeta.powerSum(2 * s, from: binned.end + 1, through: parameters.inputDimension.finiteValue) : 0
        return MeanPathEquivalent(lambda: binned.indices.map { parameters.marginalVariance($0.index) }, weight: binned.indices.map(\.weight),
                                  remainder: binned.remainder, remainderSquared: remainderSquared, featureCount: n)
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

    /// The per-step log slope of L(s) across grid interval q of width w: toward the next grid value, or on the last
    /// interval (whose end is being computed) the previous interval's slope.
    static func logSlope(_ sources: [(s: Double, loss: Double)], _ q: Int, _ g: Int, _ width: Double) -> Double {
        func slope(_ a: Double, _ b: Double, _ span: Double) -> Double {
            let x = log(b / a) / span
            return x.isFinite ? x : 0
        }
        if q + 1 < g { return slope(sources[q].loss, sources[q + 1].loss, width) }
        guard q > 0 else { return 0 }
        return slope(sources[q - 1].loss, sources[q].loss, sources[q].s - sources[q - 1].s)
    }

    /// Σ_j w_jλ_j Σ_{k ≠ j} w_k Σ_{s<t} G_k(s)·min(r_j, r_k)^(t−1−s) (divided by η²/N by the caller), G_k(s) = λ_k L(s) +
    /// κ_k r_k^s: the SGD noise injected along coordinate k leaks into every j through P_jk ~ N(0, 1/N) and is damped
    /// with whichever of the two is faster (docs/theory-online-sgd.md). `dampedLoss[k]` = Σ_{s<t} L(s) r_k^(t−1−s),
    /// `undampedLoss` = Σ_{s<t} L(s), `slowerLambda[j]` = Σ w_kλ_k over sources slower than j (the remainder included);
    /// the remainder's receivers are never damped and take every source at its own damping.
    static func noiseLeak(t: Double, order: [Int], weight w: [Double], lambda: [Double], kurtosis: [Double], logR: [Double],
                          slowerLambda: [Double], dampedLoss: [Double], remainder: Double, undampedLoss: Double) -> Double {
        // Source k at its own damping: F_k = λ_k Σ_s L(s) r_k^(t−1−s) + κ_k Σ_s r_k^s r_k^(t−1−s) = λ_k E_k + κ_k t r_k^(t−1).
        let own = lambda.indices.map { k in lambda[k] * dampedLoss[k] + kurtosis[k] * t * exp((t - 1) * logR[k]) }
        var total = 0.0, faster = 0.0  // faster: Σ w_k F_k over the sources ranked before j
        for (rank, j) in order.enumerated() {
            // Slower sources' kurtosis parts at j's damping: Σ_k w_kκ_k Σ_{s<t} r_k^s r_j^(t−1−s).
            var slowerKurtosis = 0.0
            for k in order[(rank + 1)...] { slowerKurtosis += w[k] * kurtosis[k] * dampedSum(age: t - 1, logDamping: logR[j], slope: logR[k], width: t) }
            let received = faster + (w[j] - 1) * own[j] + slowerLambda[j] * dampedLoss[j] + slowerKurtosis
            total += w[j] * lambda[j] * received
            faster += w[j] * own[j]
        }
        return total + remainder * (faster + remainder * undampedLoss)
    }

    /// Representative coordinates with multiplicities: 1…256 one by one, then geometric bins of ratio
    /// 1.02 up to where 2ηλ_i·t < 1e-4 (or M); the rest Σλ_i beyond as `remainder` (never learned).
    static func coordinates(_ parameters: DataParameters, stepSize eta: Double, maxSteps: Double) -> (indices: [(index: Int, weight: Double)], remainder: Double, end: Int) {
        coordinates(parameters, through: pow(2 * eta * max(maxSteps, 1) * 1e4, 1 / parameters.varianceExponent))
    }

    /// Coordinates 1…256 one by one, then geometric bins of ratio 1.02 through index `wanted` (at least 512, at most
    /// `cap` and M), with the rest Σλ_i beyond as `remainder`.
    static func coordinates(_ parameters: DataParameters, through wanted: Double, cap: Double = 1e9) -> (indices: [(index: Int, weight: Double)], remainder: Double, end: Int) {
        let s = parameters.varianceExponent
        let m = parameters.inputDimension.finiteValue
        let end = Int(min(Double(m ?? Int.max), max(512, min(wanted, cap))))
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
