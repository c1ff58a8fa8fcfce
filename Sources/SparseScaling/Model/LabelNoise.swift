import LinearAlgebra

/// Label noise y = w*·x + σ·ε, ε ~ N(0, 1) per sample (docs/theory.md §7.1), drawn from its own
/// counter-based streams keyed by the seed, so σ = 0 leaves every other draw (and result) untouched.
/// Per-sample noise ε_d comes from stream (seed, labelNoise, d); the reduced solvers instead draw the
/// projected noise z ~ N(0, I_r) once from (seed, reducedLabelNoise, 0) — equal in distribution to
/// z = R⁺X_S ε and independent of everything else.
public struct LabelNoise: Sendable, Hashable {
    /// σ ≥ 0, the standard deviation of the noise added to each training label.
    public let scale: Double
    /// The seed shared by data, embedding and teacher.
    public let seed: UInt64

    /// Noise of standard deviation `scale` under `seed`.
    public init(scale: Double, seed: UInt64) {
        self.scale = scale
        self.seed = seed
    }

    /// ε_d, the standard normal noise of sample `sampleIndex` (before scaling by σ).
    public func sampleNoise(_ sampleIndex: Int) -> Double {
        var rng = RandomStream(seed: seed, purpose: .labelNoise, index: UInt64(sampleIndex))
        return rng.normal()
    }

    /// ε_0 … ε_{D−1} for D = `count` samples.
    public func sampleNoises(count: Int) -> [Double] { (0..<count).map(sampleNoise) }

    /// The labels plus σ·ε_d (the labels themselves, untouched, when σ = 0).
    public func noisy(labels y: [Double]) -> [Double] {
        guard scale != 0 else { return y }
        return y.enumerated().map { $0.element + scale * sampleNoise($0.offset) }
    }

    /// z ~ N(0, I_r) for a reduced problem of rank r (before scaling by σ), from its own stream.
    public func reducedNoise(rank r: Int) -> [Double] {
        var rng = RandomStream(seed: seed, purpose: .reducedLabelNoise, index: 0)
        return (0..<r).map { _ in rng.normal() }
    }

    /// σz for the targets c = Rᵀw*_S of a factor R with `columns` columns (X Xᵀ = R Rᵀ): z ~ N(0, I) from
    /// the reduced stream. Every reduced route adds exactly this to its targets, whichever factor it uses.
    public func targetNoise(columns: Int) -> [Double] {
        reducedNoise(rank: columns).map { scale * $0 }
    }

    /// The targets `c` plus σz (`c` itself when σ = 0).
    public func noisyTargets(_ c: [Double]) -> [Double] {
        guard scale != 0 else { return c }
        return zip(c, targetNoise(columns: c.count)).map { $0 + $1 }
    }

    /// ‖(I − QᵀQ) ε‖² ~ χ²_{D−r}: the part of ‖ε‖² the reduced space cannot see, drawn after z from the
    /// same stream (enters only the reported empirical loss of the reduced iterative solvers).
    public func unseenNoiseEnergy(rank r: Int, sampleCount d: Int) -> Double {
        guard d > r else { return 0 }
        var rng = RandomStream(seed: seed, purpose: .reducedLabelNoise, index: 1)
        return rng.chiSquare(degreesOfFreedom: Double(d - r))
    }
}

/// How the reduced solver adds label noise to its targets c = Rᵀw*_S (length r).
public enum ReducedTargetNoise: Sendable {
    /// c + σ·z with z ~ N(0, I_r) from the noise's own stream (the fast path; exact in distribution).
    case drawn(LabelNoise)
    /// c + R⁺ s with s = X_S (σ ε) for explicit per-sample noise σε: exactly the targets of y + σε
    /// (for checks against the dense pseudoinverse with the same ε).
    case projected(sampleMoment: [Double])

    /// The noise to add to the targets of a factor R (K × r, full column rank) of rank `rank`;
    /// `factor` yields R itself, needed only for projected noise.
    public func targetNoise(rank: Int, factor: () -> Matrix) throws -> [Double] {
        switch self {
        case .drawn(let noise):
            return noise.targetNoise(columns: rank)
        case .projected(let s):
            // z = R⁺ s as a row: zᵀ = sᵀ (Rᵀ)⁺.
            let r = factor()
            let tolerance = Pseudoinverse.defaultTolerance(rows: r.columns, columns: r.rows)
            return try Pseudoinverse.rowTimesPseudoinverseBySVD(s, r.transposed, relativeTolerance: tolerance).solution
        }
    }

    /// The noise as the iterative reduced problems see it (nil for σ = 0).
    public static func drawn(scale: Double, seed: UInt64) -> ReducedTargetNoise? {
        scale == 0 ? nil : .drawn(LabelNoise(scale: scale, seed: seed))
    }
}

extension SparseTrainingSet {
    /// X_S e = Σ_d e_d x_d (length K) for a vector `e` over the samples.
    public func observedMoment(_ e: [Double]) -> [Double] {
        precondition(e.count == sampleCount)
        var s = [Double](repeating: 0, count: observedCount)
        for d in 0..<sampleCount {
            for k in offsets[d]..<offsets[d + 1] { s[Int(positions[k])] += values[k] * e[d] }
        }
        return s
    }
}
