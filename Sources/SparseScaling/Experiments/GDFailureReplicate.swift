import Foundation

/// How the random embedding enters λ_max(F Fᵀ/D) in the GD-failure experiment.
public enum EmbeddingTreatment: String, Sendable, Codable, Hashable, CaseIterable {
    /// W_S with the given N, exactly in distribution: λ_max(W_S A W_Sᵀ) = λ_max(Lᵀ A L) where
    /// L Lᵀ = W_Sᵀ W_S ~ Wishart_K(N, I/N) is drawn by the Bartlett decomposition (cost K², not N·K).
    case exact
    /// The N → ∞ limit W_Sᵀ W_S = I: λ_max(A)/D.
    case isometric
}

/// One dataset replicate of the GD-failure experiment: draws D sparse samples (α, β, M = ∞), the
/// embedding's Gram matrix on the observed coordinates, and λ_max(F Fᵀ/D) by Lanczos.
///
/// The dataset is drawn coordinate by coordinate (which samples activate coordinate i), which is
/// the same distribution as sample by sample: coordinate 1 is active everywhere; frequent coordinates
/// (D·p_i > 4) by geometric skips over samples; rarer ones by thinning over coordinates with the
/// probability 1 − (1 − p_i)^D of at least one activation, then a zero-truncated binomial count.
/// Samples in which only coordinate 1 is active add only ξ² to A₁₁; their sum is one χ² variate.
public struct GDFailureReplicate: Sendable {
    /// α and β (M = ∞).
    public let alpha: Double, beta: Double
    /// D.
    public let sampleCount: Int
    /// N.
    public let featureCount: Int
    /// Failure threshold τ on λ_max(F Fᵀ/D) (τ = 2/η).
    public let threshold: Double
    /// Exact W (given N) or the isometric limit.
    public let embedding: EmbeddingTreatment
    /// The importance-sampling proposal, or nil for plain Monte Carlo.
    public let proposal: GDFailureProposal?

    /// A replicate design.
    public init(
        alpha: Double, beta: Double, sampleCount: Int, featureCount: Int, threshold: Double,
        embedding: EmbeddingTreatment = .exact, proposal: GDFailureProposal? = nil
    ) {
        self.alpha = alpha
        self.beta = beta
        self.sampleCount = sampleCount
        self.featureCount = featureCount
        self.threshold = threshold
        self.embedding = embedding
        self.proposal = proposal
    }

    /// The outcome of one replicate: λ_max(F Fᵀ/D) (a certified lower bound above τ when the
    /// Lanczos iteration stopped early), K, and the log likelihood ratio (0 for plain Monte Carlo).
    public struct Outcome: Sendable {
        /// λ_max(F Fᵀ/D), or a lower bound above the threshold.
        public var largestEigenvalue: Double
        /// K, the observed coordinates.
        public var observedCount: Int
        /// log w (0 without a proposal).
        public var logWeight: Double
        /// Whether λ_max > τ.
        public var failed: Bool
    }

    /// Draws replicate `index` under `seed` (its own counter-based stream) and computes its λ_max.
    public func run(seed: UInt64, index: Int, scratch: inout Scratch) -> Outcome {
        var rng = RandomStream(seed: seed, purpose: .replicate, index: UInt64(index))
        scratch.reset(sampleCount: sampleCount)
        var logWeight = proposal?.logWeightConstant ?? 0
        drawActivations(&rng, &scratch, &logWeight)
        let k = scratch.observedCount
        let a = buildSecondMoment(&rng, &scratch)
        let lanczos = LanczosLargestEigenvalue()
        let dScale = Double(sampleCount)
        let stop = threshold * dScale
        var lambda: Double
        switch embedding {
        case .isometric:
            let start = (0..<k).map { _ in rng.normal() }
            lambda = lanczos.largestEigenvalue(dimension: k, start: start, stopAbove: stop) { x, y in a.apply(x, y) }
        case .exact where featureCount >= k:
            let l = BartlettFactor(dimension: k, degreesOfFreedom: featureCount, rng: &rng)
            let start = (0..<k).map { _ in rng.normal() }
            var t1 = [Double](repeating: 0, count: k), t2 = t1
            lambda = lanczos.largestEigenvalue(dimension: k, start: start, stopAbove: stop) { x, y in
                l.multiply(x, into: &t1)
                t1.withUnsafeBufferPointer { p in t2.withUnsafeMutableBufferPointer { q in a.apply(p, q) } }
                l.multiplyTransposed(t2, into: y)
            }
        case .exact:
            // N < K: W_S itself (N × K), operator W_S A W_Sᵀ on R^N.
            let n = featureCount
            let scale = 1 / Double(n).squareRoot()
            let w = (0..<(n * k)).map { _ in scale * rng.normal() }  // column-major N × K
            let start = (0..<n).map { _ in rng.normal() }
            var t1 = [Double](repeating: 0, count: k), t2 = t1
            lambda = lanczos.largestEigenvalue(dimension: n, start: start, stopAbove: stop) { x, y in
                for j in 0..<k {
                    var s = 0.0
                    for i in 0..<n { s += w[j * n + i] * x[i] }
                    t1[j] = s
                }
                t1.withUnsafeBufferPointer { p in t2.withUnsafeMutableBufferPointer { q in a.apply(p, q) } }
                for i in 0..<n { y[i] = 0 }
                for j in 0..<k where t2[j] != 0 {
                    for i in 0..<n { y[i] += w[j * n + i] * t2[j] }
                }
            }
        }
        lambda /= dScale
        return Outcome(largestEigenvalue: lambda, observedCount: k, logWeight: logWeight, failed: lambda > threshold)
    }

    // MARK: - Drawing the dataset

    /// Fills the scratch activation list (coordinates ≥ 2) and accumulates the proposal's log weight.
    func drawActivations(_ rng: inout RandomStream, _ s: inout Scratch, _ logWeight: inout Double) {
        let d = sampleCount
        let dd = Double(d)
        let cap = SparseSampler.indexCap
        let amplitudeExponent = -(1 + alpha) / 2
        let boostStart = proposal?.firstBoostedIndex ?? Int.max
        // Frequent coordinates: geometric skips over the samples.
        var i = 2
        while i < boostStart, dd * pow(Double(i), -beta) > 4 {
            let p = pow(Double(i), -beta)
            let logq = log1p(-p)
            let amplitude = pow(Double(i), amplitudeExponent)
            var sample = -1
            var position: Int32 = -1
            while true {
                let step = 1 + (log(rng.uniform()) / logq).rounded(.down)
                if Double(sample) + step >= dd { break }
                sample += Int(step)
                if position < 0 { position = s.newCoordinate() }
                s.append(sample: sample, position: position, value: amplitude * rng.normal())
            }
            i += 1
        }
        // Rarer coordinates at the model's rates.
        let plainEnd = min(boostStart, cap + 1)
        thin(from: i, to: plainEnd, &rng, &s, &logWeight, rate: { pow(Double($0), -beta) }, boosted: false)
        if let proposal, boostStart <= cap {
            thin(from: max(i, boostStart), to: cap + 1, &rng, &s, &logWeight, rate: proposal.rate, boosted: true)
        }
    }

    /// Thinning over coordinates a..<b: coordinate k has ≥ 1 activation with probability
    /// u_k = 1 − (1 − ρ_k)^D (decreasing in k); accepted coordinates get a zero-truncated binomial count.
    func thin(
        from a: Int, to b: Int, _ rng: inout RandomStream, _ s: inout Scratch, _ logWeight: inout Double,
        rate: (Int) -> Double, boosted: Bool
    ) {
        guard a < b else { return }
        let dd = Double(sampleCount)
        func atLeastOne(_ rho: Double) -> Double { -expm1(dd * log1p(-rho)) }
        let amplitudeExponent = -(1 + alpha) / 2
        var j = a - 1
        while true {
            let bound = atLeastOne(rate(j + 1))
            guard bound > 0 else { return }
            let step = bound >= 1 ? 1 : 1 + (log(rng.uniform()) / log1p(-bound)).rounded(.down)
            guard step.isFinite, Double(j) + step < Double(b) else { return }
            let k = j + Int(step)
            let rho = rate(k)
            let u = atLeastOne(rho)
            j = k
            if u < bound && rng.uniform() >= u / bound { continue }
            // Zero-truncated Binomial(D, ρ) count.
            var remaining = rng.uniform() * u
            var count = 1
            var pmf = dd * rho * exp((dd - 1) * log1p(-rho))
            while remaining > pmf && count < sampleCount {
                remaining -= pmf
                pmf *= (dd - Double(count)) / Double(count + 1) * rho / (1 - rho)
                count += 1
            }
            let position = s.newCoordinate()
            let amplitude = pow(Double(k), amplitudeExponent)
            var variance = 1.0
            var perActivation = 0.0
            if boosted, let proposal {
                variance = proposal.amplitudeVariance(k)
                let p = pow(Double(k), -beta)
                perActivation = log(p / rho) - (log1p(-p) - log1p(-rho)) + 0.5 * log(variance)
            }
            let sigma = variance.squareRoot()
            var chosen: [Int] = []
            while chosen.count < count {
                let sample = min(sampleCount - 1, Int(rng.uniform() * dd))
                if chosen.contains(sample) { continue }
                chosen.append(sample)
                let xi = sigma * rng.normal()
                if boosted { logWeight += perActivation - 0.5 * xi * xi * (1 - 1 / variance) }
                s.append(sample: sample, position: position, value: amplitude * xi)
            }
        }
    }

    /// Groups the activations by sample and adds coordinate 1: A = a₁₁·e₁e₁ᵀ + Σ_{samples with other
    /// activations} x_d x_dᵀ, where a₁₁ ~ χ²_{D − #such samples} collects the samples with only coordinate 1.
    func buildSecondMoment(_ rng: inout RandomStream, _ s: inout Scratch) -> SparseSecondMoment {
        let d = sampleCount
        for e in 0..<s.samples.count { s.perSample[Int(s.samples[e])] += 1 }
        var groups: [Int32] = []  // sample ids with activations, ascending
        var offsets: [Int] = [0]
        var running = 0
        for sample in 0..<d where s.perSample[sample] > 0 {
            groups.append(Int32(sample))
            running += Int(s.perSample[sample]) + 1
            s.perSample[sample] = Int32(offsets.count - 1)  // now: group number
            offsets.append(running)
        }
        var positions = [Int32](repeating: 0, count: running)
        var values = [Double](repeating: 0, count: running)
        var fill = offsets
        for g in 0..<groups.count {
            positions[fill[g]] = 0
            values[fill[g]] = rng.normal()  // coordinate 1 in this sample
            fill[g] += 1
        }
        for e in 0..<s.samples.count {
            let g = Int(s.perSample[Int(s.samples[e])])
            positions[fill[g]] = s.positions[e]
            values[fill[g]] = s.values[e]
            fill[g] += 1
        }
        let lonely = d - groups.count
        let a11 = lonely > 0 ? rng.chiSquare(degreesOfFreedom: Double(lonely)) : 0
        return SparseSecondMoment(
            dimension: s.observedCount, firstDiagonal: a11, offsets: offsets, positions: positions, values: values)
    }

    /// Reusable buffers of one worker.
    public struct Scratch {
        var samples: [Int32] = []
        var positions: [Int32] = []
        var values: [Double] = []
        var perSample: [Int32] = []
        var observedCount = 1

        /// Empty buffers.
        public init() {}

        mutating func reset(sampleCount: Int) {
            samples.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            if perSample.count != sampleCount {
                perSample = [Int32](repeating: 0, count: sampleCount)
            } else {
                for i in perSample.indices { perSample[i] = 0 }
            }
            observedCount = 1
        }

        mutating func newCoordinate() -> Int32 {
            observedCount += 1
            return Int32(observedCount - 1)
        }

        mutating func append(sample: Int, position: Int32, value: Double) {
            samples.append(Int32(sample))
            positions.append(position)
            values.append(value)
        }
    }
}

/// A = a₁₁·e₁e₁ᵀ + Σ_g x_g x_gᵀ over sparse sample vectors x_g (positions in 0..<K).
struct SparseSecondMoment {
    let dimension: Int
    let firstDiagonal: Double
    let offsets: [Int]
    let positions: [Int32]
    let values: [Double]

    func apply(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<dimension { y[i] = 0 }
        y[0] = firstDiagonal * x[0]
        positions.withUnsafeBufferPointer { pos in
            values.withUnsafeBufferPointer { val in
                for g in 0..<(offsets.count - 1) {
                    var s = 0.0
                    for e in offsets[g]..<offsets[g + 1] { s += val[e] * x[Int(pos[e])] }
                    for e in offsets[g]..<offsets[g + 1] { y[Int(pos[e])] += val[e] * s }
                }
            }
        }
    }
}

/// The lower-triangular Bartlett factor L of a Wishart_K(N, I/N) matrix W_Sᵀ W_S = L Lᵀ:
/// L_jj = √(χ²_{N−j}/N), L_ij ~ N(0, 1/N) for i > j (packed by rows).
struct BartlettFactor {
    let dimension: Int
    var packed: [Double]

    init(dimension k: Int, degreesOfFreedom n: Int, rng: inout RandomStream) {
        dimension = k
        packed = [Double](repeating: 0, count: k * (k + 1) / 2)
        let scale = 1 / Double(n).squareRoot()
        var e = 0
        for i in 0..<k {
            // Row i's i off-diagonal entries, two normals per polar draw.
            var j = 0
            while j < i {
                let (z1, z2) = rng.fastNormalPair()
                packed[e] = scale * z1
                if j + 1 < i { packed[e + 1] = scale * z2 }
                e += min(2, i - j)
                j += 2
            }
            packed[e] = (rng.chiSquare(degreesOfFreedom: Double(n - i)) / Double(n)).squareRoot()
            e += 1
        }
    }

    /// y = L x.
    func multiply(_ x: UnsafeBufferPointer<Double>, into y: inout [Double]) {
        packed.withUnsafeBufferPointer { l in
            var e = 0
            for i in 0..<dimension {
                var s = 0.0
                for j in 0...i { s += l[e + j] * x[j] }
                y[i] = s
                e += i + 1
            }
        }
    }

    /// y = Lᵀ x.
    func multiplyTransposed(_ x: [Double], into y: UnsafeMutableBufferPointer<Double>) {
        for j in 0..<dimension { y[j] = 0 }
        packed.withUnsafeBufferPointer { l in
            var e = 0
            for i in 0..<dimension {
                let xi = x[i]
                for j in 0...i { y[j] += l[e + j] * xi }
                e += i + 1
            }
        }
    }
}
