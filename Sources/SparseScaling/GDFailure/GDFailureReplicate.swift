import Foundation
import LinearAlgebra

/// One dataset replicate of the GD-failure experiment: draws D sparse samples (α, β, M = ∞), the
/// embedding's Gram matrix on the observed coordinates, and λ_max(F Fᵀ/D) by Lanczos.
///
/// The dataset is drawn coordinate by coordinate (which samples activate coordinate i), which is
/// the same distribution as sample by sample: coordinate 1 is active everywhere; frequent coordinates
/// (D·p_i > 4) by geometric skips over samples; rarer ones by thinning over coordinates with the
/// probability 1 − (1 − p_i)^D of at least one activation, then a zero-truncated binomial count.
/// Samples in which only coordinate 1 is active add only ξ² to A₁₁; their sum is one χ² variate.
package struct GDFailureReplicate: Sendable {
    /// α and β (M = ∞).
    package let alpha: Double, beta: Double
    /// D.
    package let sampleCount: Int
    /// N.
    package let featureCount: Int
    /// Failure threshold τ on λ_max(F Fᵀ/D) (τ = 2/η).
    package let threshold: Double
    /// Exact W (given N) or the isometric limit.
    package let embedding: EmbeddingTreatment
    /// The importance-sampling proposal, or nil for plain Monte Carlo.
    package let proposal: GDFailureProposal?

    /// A replicate design.
    package init(
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
    package struct Outcome: Sendable {
        /// λ_max(F Fᵀ/D), or a lower bound above the threshold.
        package var largestEigenvalue: Double
        /// K, the observed coordinates.
        package var observedCount: Int
        /// log w (0 without a proposal).
        package var logWeight: Double
        /// Whether λ_max > τ.
        package var failed: Bool
    }

    /// Draws replicate `index` under `seed` (its own counter-based stream) and computes its λ_max.
    package func run(seed: UInt64, index: Int, scratch: inout Scratch) -> Outcome {
        var rng = RandomStream(seed: seed, purpose: .replicate, index: UInt64(index))
        scratch.reset()
        var logWeight = proposal?.logWeightConstant ?? 0
        drawActivations(&rng, &scratch, &logWeight)
        let k = scratch.observedCount
        if scratch.sampleGroup.count != sampleCount { scratch.sampleGroup = [Int32](repeating: 0, count: sampleCount) }
        scratch.moment.rebuild(
            dimension: k, sampleCount: sampleCount, activations: scratch.activations,
            sampleGroup: &scratch.sampleGroup, rng: &rng)
        let a = scratch.moment
        let dScale = Double(sampleCount)
        let stop = threshold * dScale
        let lanczos = LanczosLargestEigenvalue()
        var workspace = scratch.lanczos
        scratch.lanczos = .init()
        defer { scratch.lanczos = workspace }
        var lambda: Double
        switch embedding {
        case .isometric:
            let start = scratch.normals(k, &rng)
            lambda = lanczos.largestEigenvalue(dimension: k, start: start, stopAbove: stop, workspace: &workspace) { x, y in
                a.apply(x, y)
            }
        case .exact where featureCount >= k:
            scratch.bartlett.draw(dimension: k, degreesOfFreedom: featureCount, rng: &rng)
            let l = scratch.bartlett
            let start = scratch.normals(k, &rng)
            var t = [Double](repeating: 0, count: k)
            lambda = lanczos.largestEigenvalue(dimension: k, start: start, stopAbove: stop, workspace: &workspace) { x, y in
                t.withUnsafeMutableBufferPointer { t in
                    _ = t.initialize(from: x)
                    l.multiply(t)
                    a.apply(UnsafeBufferPointer(t), y)
                    l.multiplyTransposed(y)
                }
            }
        case .exact:
            // N < K: W_S itself (N × K, column-major), operator W_S A W_Sᵀ on R^N.
            let n = featureCount
            let scale = 1 / Double(n).squareRoot()
            let w = scratch.normals(n * k, &rng).map { scale * $0 }
            let start = scratch.normals(n, &rng)
            var t1 = [Double](repeating: 0, count: k), t2 = t1
            lambda = lanczos.largestEigenvalue(dimension: n, start: start, stopAbove: stop, workspace: &workspace) { x, y in
                w.withUnsafeBufferPointer { w in
                    t1.withUnsafeMutableBufferPointer { t1 in
                        t2.withUnsafeMutableBufferPointer { t2 in
                            BLAS.gemv(.transposed, rows: n, columns: k, w.baseAddress!, x.baseAddress!, t1.baseAddress!)
                            a.apply(UnsafeBufferPointer(t1), t2)
                            BLAS.gemv(.none, rows: n, columns: k, w.baseAddress!, t2.baseAddress!, y.baseAddress!)
                        }
                    }
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
                let step = 1 + (rng.exponential() / -logq).rounded(.down)
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
            let step = bound >= 1 ? 1 : 1 + (rng.exponential() / -log1p(-bound)).rounded(.down)
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
            let tilted = boosted ? proposal : nil
            var variance = 1.0
            var perActivation = 0.0
            if let tilted {
                variance = tilted.amplitudeVariance(k)
                let p = pow(Double(k), -beta)
                perActivation = log(p / rho) - (log1p(-p) - log1p(-rho))
            }
            s.chosen.removeAll(keepingCapacity: true)
            while s.chosen.count < count {
                let sample = min(sampleCount - 1, Int(rng.uniform() * dd))
                if s.chosen.contains(sample) { continue }
                s.chosen.append(sample)
                var xi: Double
                if let tilted {
                    xi = tilted.drawAmplitude(variance: variance, &rng)
                    logWeight += perActivation + tilted.logAmplitudeRatio(xi, variance: variance)
                } else {
                    xi = rng.normal()
                }
                s.append(sample: sample, position: position, value: amplitude * xi)
            }
        }
    }

    /// Reusable buffers of one worker, so that replicates after the first allocate (almost) nothing.
    package struct Scratch {
        var activations: [SparseActivation] = []
        var chosen: [Int] = []
        var sampleGroup: [Int32] = []
        var observedCount = 1
        var moment = ObservedSecondMoment()
        var bartlett = BartlettFactor()
        var lanczos = LanczosLargestEigenvalue.Workspace()
        var gaussian: [Double] = []

        /// Empty buffers.
        package init() {}

        mutating func reset() {
            activations.removeAll(keepingCapacity: true)
            observedCount = 1
        }

        mutating func newCoordinate() -> Int32 {
            observedCount += 1
            return Int32(observedCount - 1)
        }

        mutating func append(sample: Int, position: Int32, value: Double) {
            activations.append(SparseActivation(sample: Int32(sample), position: position, value: value))
        }

        /// `count` fresh standard normals (in a reused buffer).
        mutating func normals(_ count: Int, _ rng: inout RandomStream) -> [Double] {
            gaussian.removeAll(keepingCapacity: true)
            for _ in 0..<count { gaussian.append(rng.normal()) }
            return gaussian
        }
    }
}
