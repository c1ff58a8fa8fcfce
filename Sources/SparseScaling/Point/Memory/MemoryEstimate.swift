import Foundation

/// An upper estimate of the peak resident memory of a job, in bytes, made before the job starts so
/// that jobs too large for the machine are refused instead of being killed half-way.
///
/// The estimate adds the arrays each stage keeps alive at its peak (8-byte doubles):
/// - sparse stream: E entries (E ≈ D·Σ p_i, plus 6 standard deviations) at 8 + 8 + 4 bytes while
///   the chunks are merged, plus 8 + 4 bytes of retained positions and values, plus per-sample offsets;
/// - reduced solver: A = X_S X_Sᵀ and the factorization copies (4·K²), W_S (N·K), B = W_S R (N·K),
///   and the SVD of B (copy, U, Vᵀ and LAPACK workspace ≈ 5·min(N,K)² + 64·(N+K));
/// - direct solver: X (M·D, or K·D for M = ∞), W (N·M), F = W X (N·D) and the SVD of F;
/// - dense data: X (M·D) and W (N·M), and the solver on K = M;
/// - sublinear sampler (sparse data): the touched samples' entries and the hub patterns' columns
///   (`sublinearKept`) in place of all D samples, then the kept columns with the sparse factor's hub
///   moments (`factorHubMomentBytes`) and the streamed readout (`streamedReadoutBytes`: no W_S or B when
///   N < K), the larger of the two stages; per-sample points that stream (route `reducedStreamed`)
///   add the streamed reduced solver (`streamedSolverBytes`) to their stream;
/// K is E[K(D)] (`expectedObservedCoordinates`) plus 6 standard deviations. A fixed baseline covers
/// the runtime, OpenBLAS buffers and SQLite, and the working set is multiplied by 1.1. Measured peaks are compared in `MemoryEstimateTests`.
package struct MemoryEstimate: Sendable, Hashable, CustomStringConvertible {
    /// The estimated peak resident memory, in bytes (a Double: impossible sizes do not overflow).
    public let bytes: Double

    /// An estimate of `bytes`.
    public init(bytes: Double) { self.bytes = bytes }

    /// Memory the process needs whatever the job: runtime, libraries, OpenBLAS buffers, SQLite.
    public static let baselineBytes: Double = 40 * 1_048_576

    /// The estimate in a readable unit, e.g. "1.5 GiB".
    public var description: String { MemoryEstimate.format(bytes) }

    /// `bytes` in B, KiB, MiB, GiB or TiB with one decimal.
    public static func format(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "more than any machine has" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[unit])
    }
}

extension MemoryEstimate {
    /// The peak of one point evaluated alone (including the baseline), along the route it is planned on.
    public init(point: PointSpecification) {
        self.init(bytes: Self.baselineBytes + Self.workingBytes(point))
    }

    /// The peak of evaluating `plan` alone (including the baseline), along its route.
    public init(plan: PointPlan) {
        self.init(bytes: Self.baselineBytes + Self.safetyFactor * Self.arrayBytes(plan.specification, route: plan.route))
    }

    /// The peak of measuring `points` with up to `concurrency` points at once (sweeps run one point
    /// per thread): the baseline plus the `concurrency` largest working sets. A working set does not depend on
    /// the seed, so each configuration is estimated once (one per seed took 100 s for 100 000 seeds).
    public init(points: [PointSpecification], concurrency: Int) {
        var seeds: [PointSpecification: Int] = [:]
        for var p in points {
            p.seed = 0
            seeds[p, default: 0] += 1
        }
        var remaining = max(1, concurrency), total = 0.0
        for (bytes, count) in seeds.map({ (Self.workingBytes($0.key), $0.value) }).sorted(by: { $0.0 > $1.0 }) where remaining > 0 {
            let taken = min(count, remaining)
            total += Double(taken) * bytes
            remaining -= taken
        }
        self.init(bytes: Self.baselineBytes + total)
    }

    /// Safety factor on the working set, for allocator slack and temporaries the sum leaves out.
    public static let safetyFactor = 1.1

    /// Bytes one point allocates beyond the baseline (with the safety factor).
    static func workingBytes(_ p: PointSpecification) -> Double {
        safetyFactor * arrayBytes(p, route: PointRoute.of(p, streamingBytes: PointPlan.defaultStreamingBytes))
    }

    /// The sum of the arrays alive at the peak of one point evaluated along `route`.
    static func arrayBytes(_ p: PointSpecification, route: PointRoute) -> Double {
        let n = Double(p.featureCount), d = Double(p.sampleCount)
        let m = p.parameters.inputDimension.finiteValue.map(Double.init)
        switch p.data {
        case .dense:
            let mm = m ?? .infinity
            let samples = 8 * mm * d + 8 * n * mm
            return samples + solverBytes(p, n: n, d: d, coordinates: mm, samplesDense: true)
        case .sparse where route == .online:
            // One-pass SGD keeps no samples: the cached columns and teacher weights of the coordinates
            // seen so far (N + 1 doubles each), the lookup of small indices, and three N-vectors. The
            // column cache doubles its capacity (< 2K) by copying, so old and new blocks reach 3K columns.
            let k = observedCoordinatesBound(p)
            let lookup = 4 * min(Double(1 << 22), (m ?? .infinity) + 1)
            return 8 * 3 * (n + 2) * k + lookup + 3 * 8 * n
        case .sparse where p.sampler == .sublinear:
            let kept = sublinearKept(p)
            let entries = upperBound(kept.entries)
            let bitmap = 5 * min(Double(1 << 22), (m ?? .infinity) + 1, max(Double(1 << 12), 4 * entries))
            // Two stages that do not overlap. Drawing: one wave of touched samples, the groups by support
            // (an array and a dictionary slot each, s × s once compressed) and their columns (16 bytes an
            // entry, grown by doubling). Then the kept columns (12 bytes an entry, at most 8 more for its
            // column) with either the sparse factor being built (its passes' copies, `factorBytes`) or the
            // streamed readout and the factor it keeps (`streamedReadoutBytes`, at most the hub moments).
            let supports = upperBound(kept.supports)
            let groups = 256 * supports + 8 * supports * kept.size * kept.size
            let sampler = SublinearSampler(parameters: p.parameters, seed: 0, sampleCount: p.sampleCount)
            let lawTable = 8 * Double(RestActivationLaw.tableSize(hubCount: sampler.hubCount, lastIndex: sampler.lastIndex))
            let drawing = 2 * 16 * kept.wave + groups + 2 * 16 * entries + bitmap + lawTable
            let k = min(entries, observedCoordinatesBound(p))
            let hubMoments = StreamedPointEvaluator.factorLikelyDeclines(p.parameters)
                ? 0 : factorHubMomentBytes(p.parameters, sampleCount: p.sampleCount, observed: k)
            let factoring = 32 * entries + hubMoments
            let readout = streamedReadoutBytes(p, n: n, coordinates: k) + hubMoments
            return max(drawing, 20 * entries + 64 * k + max(factoring, readout))
        case .sparse:
            let entries = upperBound(d * expectedActivePerSample(p.parameters))
            let bitmap = 5 * min(Double(1 << 22), (m ?? .infinity) + 1)
            let stream = 28 * entries + 16 * d + bitmap
            let k = min(entries, observedCoordinatesBound(p))
            let retained = 64 * k  // observed list, positions of large indices, teacher weights
            if route == .reducedStreamed {
                return stream + retained + streamedSolverBytes(p, n: n, coordinates: k, entries: entries)
            }
            // The conditional estimator draws an embedding only when it falls back, at N < r + 2 ≤ K + 2.
            let embedded = route == .conditional ? min(n, k + 2) : n
            // With label noise it also factors A densely for tr A⁺ (A, R, RᵀR and R·V: four K × K).
            let traces = route == .conditional && p.labelNoise != 0 ? 4 * 8 * k * k : 0
            return stream + retained + traces + solverBytes(p, n: embedded, d: d, coordinates: k, samplesDense: false)
        }
    }

    /// Expected entries and columns the sublinear sampler keeps for `p`: the D·q touched samples (their
    /// hub part unconditionally, D·Σ_{i>h} p_i rest entries in all) and at most h columns of h entries for
    /// each expected non-empty hub pattern of the untouched samples.
    static func sublinearDraws(_ p: PointSpecification) -> (entries: Double, columns: Double) {
        let sampler = SublinearSampler(parameters: p.parameters, seed: 0, sampleCount: p.sampleCount)
        let h = sampler.hubCount, d = Double(p.sampleCount), q = sampler.touchProbability
        let hubMass = (1...h).reduce(0.0) { $0 + p.parameters.activationProbability($1) }
        let restMass = max(0, expectedActivePerSample(p.parameters) - hubMass)
        let patterns = min(d, HubCountRule.expectedPatterns(parameters: p.parameters, sampleCount: p.sampleCount, through: h)[h])
        // A non-empty pattern has 1 + Σ_{1<i≤h} p_i hubs on average; allow 4× that per side.
        let size = min(Double(h), 4 * hubMass)
        let patternColumns = patterns.isFinite ? patterns * size : d
        return (d * (q * hubMass + restMass) + patternColumns * size, d * q + patternColumns)
    }

    /// What the sublinear sampler keeps for `p`: the expected number of distinct supports among the
    /// touched samples (`TouchedSampleGroups` keeps one group per support; `TouchedSupportCount`), their
    /// mean size s̄, the kept entries (at most s̄² per support: a support's samples while they are fewer than
    /// its s coordinates, then the columns of their sum's factor; plus the hub patterns' columns) and the
    /// entries of one wave of touched samples (`SublinearTrainingSet` draws 4·threads blocks of 2^20
    /// samples at a time). Measured at β = 2, N = 2048: 631 421 supports and 4.25·10⁶ entries at D = 10⁹
    /// (estimated 0.70·10⁶ and 4.9·10⁶), 2 767 691 and 1.87·10⁷ at D = 10¹⁰ (3.1·10⁶ and 2.2·10⁷).
    static func sublinearKept(_ p: PointSpecification) -> (supports: Double, size: Double, entries: Double, wave: Double) {
        let drawn = sublinearDraws(p)
        let parameters = p.parameters
        let sampler = SublinearSampler(parameters: parameters, seed: 0, sampleCount: p.sampleCount)
        let h = sampler.hubCount, d = Double(p.sampleCount), q = sampler.touchProbability
        let touched = max(1, d * q)
        let hubMass = (1...h).reduce(0.0) { $0 + parameters.activationProbability($1) }
        let touchedEntries = d * (q * hubMass + max(0, expectedActivePerSample(parameters) - hubMass))
        let size = max(1, touchedEntries / touched)
        let supports = min(touched, TouchedSupportCount.expected(parameters: parameters, sampleCount: p.sampleCount, hubCount: h))
        let waveSamples = min(d, Double(4 * ParallelChunks.defaultThreads * SublinearTrainingSet.blockSize))
        let patternEntries = drawn.entries - touchedEntries
        return (supports, size, min(drawn.entries, supports * size * size + max(0, patternEntries)), waveSamples * q * size)
    }

    /// Bytes of the solver stage for N features, D samples and `k` observed coordinates.
    static func solverBytes(_ p: PointSpecification, n: Double, d: Double, coordinates k: Double, samplesDense: Bool) -> Double {
        let embedding = 8 * n * k
        switch (p.features, p.solver) {
        case (.linear, .reduced):
            let factorization = 8 * 4 * k * k
            let solve = 8 * 2 * k * k + 8 * n * k + svdBytes(rows: n, columns: k)
            return embedding + max(factorization, solve)
        case (.linear, .direct):
            // The paper's method on finite-M sparse data builds all M columns of W and X.
            let full = p.data == .sparse ? p.parameters.inputDimension.finiteValue.map(Double.init) : nil
            let width = full ?? k
            let samples = samplesDense ? 0 : 8 * width * d
            let wide = full.map { 8 * n * $0 } ?? 0
            return embedding + wide + samples + 8 * d + 8 * n * d + svdBytes(rows: n, columns: d)
        case (.linear, .gd), (.linear, .nesterov):
            // The reduced problem: A (K × K) and its pivoted factor R, G = W_S R (N × r), iterates.
            return embedding + 8 * 2 * k * k + 8 * n * k + 8 * 8 * n
        case (.linear, .sgd):
            // The rank of F from the pivoted factor of A; features per sample on the fly (sparse),
            // or F = W X (N × D) for dense data.
            let features = samplesDense ? 8 * n * d : 8 * n * min(d, Double(p.optimization.batchSize))
            return embedding + 8 * 2 * k * k + features + 8 * 8 * n
        case (.relu, _):
            // F = ReLU(W_S X_S) (N × D); the direct solve through its pseudoinverse (SVD at worst), the
            // iterative ones through the compressed problem (a thin QR of Fᵀ: a D × N copy and R);
            // the Monte-Carlo test loss in chunks of 256 samples.
            let f = 8 * n * d
            let solve = p.solver == .direct ? svdBytes(rows: n, columns: d) : 2 * 8 * n * d + 8 * 2 * n * n
            let test = 8 * 256 * (n + k) * 2
            return embedding + f + solve + test
        case (.linear, _):
            return embedding
        }
    }

    /// Bytes of the streamed reduced solver (`StreamedPointEvaluator`) for N features, K = `k` observed
    /// coordinates and `entries` sparse entries: the sparse factor of A (its blocks' moments and factor,
    /// a few copies of the entries, and the hub moments of `factorHubMomentBytes`), G = B Bᵀ and its
    /// factor (2·N²; when the normal equations decline, the QR of Bᵀ holds less: an (N+1)² triangle and one
    /// transposed block, `StreamedOrthogonalSolve`), the hubs' embedding columns
    /// (N × min(K, 2048)), two column blocks and the embedding columns of one (`EmbeddedFactorBlocks`);
    /// when N ≥ K, B (N × K) assembled instead of G. Where the sparse factor is expected to decline (more
    /// than 0.05 active coordinates per sample beyond the first 2048), the held embedding columns of
    /// `EmbeddedSampleBlocks` instead of the hubs'.
    static func streamedSolverBytes(_ p: PointSpecification, n: Double, coordinates k: Double, entries: Double) -> Double {
        let declines = StreamedPointEvaluator.factorLikelyDeclines(p.parameters)
        let hubMoments = declines ? 0 : factorHubMomentBytes(p.parameters, sampleCount: p.sampleCount, observed: k)
        return 3 * 16 * entries + hubMoments + streamedReadoutBytes(p, n: n, coordinates: k)
    }

    /// Bytes of the streamed readout alone (`streamedSolverBytes` without the sparse factor).
    static func streamedReadoutBytes(_ p: PointSpecification, n: Double, coordinates k: Double) -> Double {
        let declines = StreamedPointEvaluator.factorLikelyDeclines(p.parameters)
        let block = 8 * n * min(k, max(64, Double(EmbeddedFactorBlocks.targetBlockDoubles) / n))
        let held = declines
            ? Double(EmbeddedSampleBlocks.heldCount(featureCount: p.featureCount, observedCount: Int(min(k, 1e15))))
            : min(k, 2048)
        // N ≥ K: B (N × r, r ≤ K) assembled, with a copy and a K × K factor for the readout's QR or
        // normal equations (the SVD, for a rank-deficient B, needs more).
        let solver = n >= k
            ? 8 * n * held + 3 * block + 2 * 8 * n * k + 2 * 8 * k * k
            : 2 * 8 * n * n + 8 * n * held + 3 * block
        return solver
    }

    /// Bytes dgesdd (jobz = S) holds for an m × n matrix: the copy, U, Vᵀ and workspace.
    static func svdBytes(rows m: Double, columns n: Double) -> Double {
        let q = min(m, n)
        return 8 * (m * n + m * q + q * n + 5 * q * q + 64 * (m + n) + 16 * q)
    }

    /// E[number of active coordinates per sample] = Σ_{i ≤ M} p_i (ζ(β) for M = ∞), rounded up.
    public static func expectedActivePerSample(_ parameters: DataParameters) -> Double {
        let beta = parameters.beta
        guard let m = parameters.inputDimension.finiteValue else { return Zeta.riemann(beta) }
        if beta == 0 { return Double(m) }
        return Zeta.partialSum(beta, upTo: m)
    }

    /// An upper bound on K: E[K(D)] plus 6 standard deviations (K is a sum of independent indicators).
    static func observedCoordinatesBound(_ p: PointSpecification) -> Double {
        let k = p.parameters.expectedObservedCoordinates(sampleCount: Double(p.sampleCount))
        let bound = upperBound(k)
        return p.parameters.inputDimension.finiteValue.map { min(Double($0), bound) } ?? bound
    }

    /// A count's mean plus six standard deviations (variance ≤ mean for sums of indicators) plus a margin.
    static func upperBound(_ mean: Double) -> Double {
        mean + 6 * mean.squareRoot() + 16
    }
}

/// A job refused because its memory estimate exceeds the limit.
package struct MemoryLimitExceeded: Error, CustomStringConvertible, Sendable {
    /// The job's estimate.
    public let estimate: MemoryEstimate
    /// The limit in bytes.
    public let limit: Double
    /// What the job is, e.g. "sweep (12 points, 2 at once)".
    public let job: String
    /// How many points the job runs at once (1 for a single point).
    public var concurrency: Int = 1

    /// One line with the estimate and the limit.
    public var description: String {
        "\(job) needs an estimated \(estimate) of memory, over the limit of \(MemoryEstimate.format(limit))"
    }
}

extension MemoryEstimate {
    /// Throws `MemoryLimitExceeded` for `job` when this estimate is over `limit` bytes (nil: no limit).
    /// `concurrency` is how many points the job runs at once.
    public func check(limit: Double?, job: String, concurrency: Int = 1) throws {
        if let limit, !(bytes <= limit) {
            throw MemoryLimitExceeded(estimate: self, limit: limit, job: job, concurrency: concurrency)
        }
    }
}

extension MemoryEstimate {
    /// The peak of exporting the instance of `point`: the point itself, then the dense K × D matrix X_S
    /// and its file image (16·K·D bytes) and W_S with its image (16·N·K), on top of the retained instance.
    public init(export plan: PointPlan) {
        let point = plan.specification
        let k = Self.observedCoordinatesBound(point)
        let n = Double(point.featureCount), d = Double(point.sampleCount)
        // X_S and its file (16·K·D), W_S and its file (16·N·K), the labels y and the noise ε, σε (8·D each).
        let written = Self.safetyFactor * (16 * k * d + 16 * n * k + 24 * d)
        self.init(bytes: MemoryEstimate(plan: plan).bytes + written)
    }
}
