import Foundation
import ScalingAnalysis

/// OUR OWN law of the excess loss with label noise σ in the model-rich ridgeless regime (docs/theory.md §7.4,
/// docs/theory-label-noise.md), over data, features, teacher and noise. Coordinate i is seen k_i ~ Binomial(D, p_i)
/// times; those seen at most `rareCount` times get their samples drawn and are fitted exactly (minimum norm)
/// jointly with the others of the samples they share (`SharedSampleFit`); a coordinate seen more often is fitted
/// from its own samples (σ²p_i·χ²₁/χ²_k), and its error enters the shared samples' residuals; an unseen one adds
/// λ_i·(1 + ‖ŵ_S‖²/(N − rank − 1)) (the expected-tail loss with the mean finite-N readout norm).
/// Combined by a seeded Monte Carlo over the incidence structure and amplitudes (not the model's solver).
/// Neglected: the coupling among coordinates seen more than `rareCount` times (O(1/k)), the spread of the
/// readout norm over W, rank cutoffs, ridge.
public struct LabelNoiseLossLaw: Sendable, Hashable, Codable {
    /// The quantile levels reported: 10, 25, 50, 75 and 90%.
    public static let levels: [Double] = [0.1, 0.25, 0.5, 0.75, 0.9]
    /// Coordinates seen at most this many times are fitted jointly where they share samples
    /// (`SharedSampleFit`); the others are decoupled (docs/theory-label-noise.md).
    static let rareCount = 4

    /// Noise standard deviation σ ≥ 0.
    public let noise: Double
    /// N (nil: N = ∞).
    public let featureCount: Double?
    /// D.
    public let sampleCount: Int
    /// Monte Carlo draws of the law.
    public let draws: Int
    /// The seed of those draws.
    public let seed: UInt64
    /// Predicted q10, q25, q50, q75, q90 of the excess loss Σλ(w_eff − w*)² (expected tail).
    public let excessQuantiles: [Double]
    /// The Monte Carlo uncertainty of `excessQuantiles`: distribution-free 95% order-statistic intervals
    /// over the draws (nil where the draws are too few to bracket a quantile).
    public let excessQuantileIntervals: [ConfidenceInterval?]
    /// The same quantiles of the noise part alone (excess with σ minus excess without, same data).
    public let noiseQuantiles: [Double]
    /// s(D) = (Σ_i √p_i · D p_i (1 − p_i)^(D−1))², the expected singleton scale, summed exactly.
    public let singletonScale: Double
    /// (Γ(3/2 − 1/β)/β)²·D^(2/β − 1), its large-D asymptote (β > 1 and M = ∞; nil otherwise).
    public let singletonScaleAsymptote: Double?
    /// The fraction of draws with K ≥ N − 1, where the model-rich law does not apply (0 for N = ∞).
    public let outsideModelRichFraction: Double
    /// Coordinates drawn one by one (i ≤ this, where D·p_i > 0.01); beyond, seen-1/2/3-times
    /// coordinates are Poisson points with intensity (D p_i)^k/k!.
    public let explicitCoordinates: Int

    /// The largest σ accepted anywhere (the law and every measured point): σ² and the losses it scales
    /// stay far inside the Double range (σ ≈ 1.3e154 would make σ² infinite and the quantiles NaN).
    public static let largestNoise = 1e100

    /// The law at (N, D) for `parameters`; `draws` Monte Carlo draws (default 20 000, fewer when the
    /// explicit and observed coordinates are many: at most 4·10⁷ cost units, never below 2 000), seeded. Throws for σ outside 0…`largestNoise`, D < 1,
    /// N < 1, and E[K(D)] > 2·10⁴ (the cost of a draw grows with the observed coordinates).
    public init(parameters: DataParameters, noise sigma: Double, featureCount: Double?, sampleCount: Int,
                draws requested: Int = 20_000, seed: UInt64 = 1) throws {
        guard sigma.isFinite, sigma >= 0, sigma <= Self.largestNoise else {
            throw ParameterError.invalid(parameter: .labelNoise, value: "\(sigma)", allowed: "a number from 0 to 1e100")
        }
        guard sampleCount >= 1 else { throw ParameterError.invalid(parameter: .sampleCount, value: "\(sampleCount)", allowed: "an integer ≥ 1") }
        if let n = featureCount, !(n.isFinite && n >= 1) {
            throw ParameterError.invalid(parameter: .featureCount, value: "\(n)", allowed: "a finite number ≥ 1")
        }
        // Every draw fits each observed coordinate, so the cost grows with E[K(D)]: refused beyond 2·10⁴.
        let expectedObserved = parameters.expectedObservedCoordinates(sampleCount: Double(sampleCount))
        guard expectedObserved <= 2e4 else {
            throw ParameterError.invalid(
                parameter: .sampleCount, value: "\(sampleCount)",
                allowed: "a D with at most 2e4 expected observed coordinates when the label-noise law is asked for (here E[K] = \(String(format: "%.3g", expectedObserved)))")
        }
        noise = sigma
        self.featureCount = featureCount
        self.sampleCount = sampleCount
        self.seed = seed
        let d = Double(sampleCount), beta = parameters.beta
        let m = parameters.inputDimension.finiteValue
        let wanted = beta > 0 ? pow(100 * d, 1 / beta) : Double.infinity
        let near = Int(min(Double(m ?? Int.max), min(Double(1 << 18), wanted.rounded(.up))))
        explicitCoordinates = near
        // Cost per draw ≈ one binomial per explicit coordinate plus ~20 of them per observed coordinate (the
        // rare ones' samples, components and fits): at most 4·10⁷ such units, never below 2 000 draws.
        let units = Double(near) + 20 * expectedObserved
        draws = max(2000, min(requested, Int(4e7 / max(1, units))))
        singletonScale = Self.singletonScale(parameters, sampleCount: d)
        if beta > 1, m == nil {
            let c = exp(lgamma(1.5 - 1 / beta)) / beta
            singletonScaleAsymptote = c * c * pow(d, 2 / beta - 1)
        } else {
            singletonScaleAsymptote = nil
        }
        let sample = Self.sample(parameters, sigma: sigma, featureCount: featureCount, sampleCount: sampleCount, near: near, draws: draws, seed: seed)
        let excess = sample.excess.sorted(), noiseOnly = sample.noise.sorted()
        excessQuantiles = Self.levels.map { SampleQuantiles.quantile(excess, $0) }
        excessQuantileIntervals = Self.levels.map { SampleQuantiles.quantileInterval(excess, $0, confidence: 0.95) }
        noiseQuantiles = Self.levels.map { SampleQuantiles.quantile(noiseOnly, $0) }
        outsideModelRichFraction = Double(sample.outside) / Double(draws)
        // The law amplifies σ² by 1/λ of the coordinates seen once: near α = 60 its draws overflow (NaN).
        if let bad = (excessQuantiles + noiseQuantiles + testQuantiles).first(where: { !$0.isFinite }) {
            throw ParameterError.invalid(
                parameter: .alpha, value: "\(parameters.alpha)",
                allowed: "a value at which each predicted label-noise loss quantile is within the range of a Double (\(bad.isNaN ? "it is undefined here" : "it overflows here"))")
        }
    }

    /// The test-loss quantiles, excess + σ².
    public var testQuantiles: [Double] { excessQuantiles.map { $0 + noise * noise } }

    /// The stable-½ law of the singleton part alone: Lévy(σ²·s(D)) averaged over ε given the data,
    /// Lévy((2/π)·σ²·s(D)) in the large-D limit with the realized noise (a sum of many σ²p_i(ε/Z)²).
    public func singletonLaw(realizedNoise: Bool) -> StableHalfLaw {
        StableHalfLaw(scale: (realizedNoise ? 2 / Double.pi : 1) * noise * noise * singletonScale)
    }

    /// s(D) = (Σ_i √p_i · D p_i (1 − p_i)^(D−1))²: term by term while D·p_i > 1e-9, then D·Σ p_i^(3/2) in
    /// closed form (relative error below 1e-9).
    static func singletonScale(_ parameters: DataParameters, sampleCount d: Double) -> Double {
        let m = parameters.inputDimension.finiteValue, beta = parameters.beta
        let wanted = beta > 0 ? pow(1e9 * d, 1 / beta) : Double.infinity
        let head = Int(min(Double(m ?? Int.max), min(Double(1 << 24), wanted.rounded(.up))))
        var sum = 0.0
        for i in 1...max(1, head) {
            let p = parameters.activationProbability(i)
            let q = p >= 1 ? (d == 1 ? 1 : 0) : exp((d - 1) * log1p(-p))
            sum += p.squareRoot() * d * p * q
        }
        if m.map({ $0 > head }) ?? true, 1.5 * beta > 1 || m != nil {
            sum += d * Zeta.powerSum(1.5 * beta, from: head + 1, through: m)
        }
        return sum * sum
    }

    /// Per-draw excess and noise part, and how many draws had K ≥ N − 1.
    static func sample(_ parameters: DataParameters, sigma: Double, featureCount: Double?, sampleCount: Int, near: Int,
                       draws: Int, seed: UInt64) -> (excess: [Double], noise: [Double], outside: Int) {
        let d = Double(sampleCount), beta = parameters.beta, s = parameters.varianceExponent
        let m = parameters.inputDimension.finiteValue
        let p = (1...max(1, near)).map(parameters.activationProbability)
        let a = (1...max(1, near)).map(parameters.activeVariance)
        let lambda = (1...max(1, near)).map(parameters.marginalVariance)
        let unseen = p.map { exp(d * log1p(-$0)) }
        let hasFar = m.map { $0 > near } ?? true
        // Far region i > near: total variance, and Poisson intensities of coordinates seen k = 1, 2, 3 times.
        let farVariance = hasFar ? Zeta.powerSum(s, from: near + 1, through: m) : 0
        var intensities: [Double] = []
        if hasFar {
            var factorial = 1.0
            for k in 1...3 {
                factorial *= Double(k)
                let g = Double(k) * beta
                intensities.append(g > 1 || m != nil ? pow(d, Double(k)) / factorial * Zeta.powerSum(g, from: near + 1, through: m) : 0)
            }
        }
        var rng = LawSampler(seed: seed)
        var excess: [Double] = [], noiseParts: [Double] = []
        excess.reserveCapacity(draws)
        noiseParts.reserveCapacity(draws)
        var outside = 0
        for _ in 0..<draws {
            var noisePart = 0.0, tail = farVariance, fittedNorm = 0.0
            var rare: [SharedSampleFit.Rare] = [], frequent: [SharedSampleFit.Frequent] = []
            for i in 0..<near {
                let k = rng.binomial(sampleCount, p[i], zeroProbability: unseen[i])
                if k == 0 {
                    tail += lambda[i]
                } else if k <= rareCount {
                    rare.append(.init(p: p[i], a: a[i], k: k))
                } else {
                    let error = sigma * rng.normal() / (a[i] * rng.chiSquared(k)).squareRoot()
                    noisePart += lambda[i] * error * error
                    if featureCount != nil {
                        let w = rng.normal() + error
                        fittedNorm += w * w
                    }
                    frequent.append(.init(p: p[i], a: a[i], error: error))
                }
            }
            for (j, mu) in intensities.enumerated() where mu > 0 {
                let k = j + 1
                for _ in 0..<rng.poisson(mu) {
                    let i = farIndex(gamma: Double(k) * beta, from: near, to: m, u: rng.uniform())
                    tail -= parameters.marginalVariance(i)
                    rare.append(.init(p: parameters.activationProbability(i), a: parameters.activeVariance(i), k: k))
                }
            }
            let shared = SharedSampleFit(rare: rare, frequent: frequent, sampleCount: sampleCount, sigma: sigma, rng: &rng)
            noisePart += shared.excess - shared.noiselessExcess
            fittedNorm += shared.fittedNorm
            tail = max(0, tail)
            var factor = 1.0
            if let n = featureCount {
                let room = n - Double(frequent.count + shared.rank) - 1
                if room <= 0 { outside += 1 }
                factor += fittedNorm / max(1, room)
            }
            excess.append(noisePart + shared.noiselessExcess + tail * factor)
            noiseParts.append(noisePart)
        }
        return (excess, noiseParts, outside)
    }

    /// An index i > `from` drawn with probability ∝ i^−γ (continuous inverse CDF on [from + ½, M + ½], rounded,
    /// at most 2^62).
    static func farIndex(gamma: Double, from lo: Int, to m: Int?, u: Double) -> Int {
        let a = Double(lo) + 0.5, b = m.map { Double($0) + 0.5 }
        let x: Double
        if abs(gamma - 1) < 1e-12 {
            x = a * exp(u * log((b ?? .infinity) / a))
        } else {
            let e = 1 - gamma
            let fa = pow(a, e), fb = b.map { pow($0, e) } ?? 0
            x = pow(fa + u * (fb - fa), 1 / e)
        }
        // Capped at M and at 2^62 (the simulator's index cap; Double(Int.max) would not convert back to Int).
        let cap = min(Double(m ?? Int.max), 0x1p62)
        let i = x.isFinite && x < cap ? Int(x.rounded()) : Int(cap)
        return max(lo + 1, i)
    }
}

extension LabelNoiseLossLaw {
    /// Draws of the singleton part alone, Σ over coordinates seen exactly once of σ²p_i/Z² (ε averaged)
    /// or σ²p_i(ε/Z)² (realized): each coordinate i ≤ `coordinates` is a singleton with probability
    /// D p_i (1 − p_i)^(D−1), independently. The Monte Carlo against which the stable-½ law is checked.
    static func singletonPartSample(_ parameters: DataParameters, sigma: Double, sampleCount d: Double, coordinates: Int,
                                    realizedNoise: Bool, draws: Int, seed: UInt64) -> [Double] {
        let probability = (1...coordinates).map { i -> Double in
            let p = parameters.activationProbability(i)
            return p >= 1 ? (d == 1 ? 1 : 0) : d * p * exp((d - 1) * log1p(-p))
        }
        let p = (1...coordinates).map(parameters.activationProbability)
        var rng = LawSampler(seed: seed)
        return (0..<draws).map { _ in
            var sum = 0.0
            for i in 0..<coordinates where rng.uniform() < probability[i] {
                let z = rng.normal(), e = realizedNoise ? rng.normal() : 1
                sum += sigma * sigma * p[i] * e * e / (z * z)
            }
            return sum
        }
    }
}
