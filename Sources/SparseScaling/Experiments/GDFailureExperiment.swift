import Foundation
import LinearAlgebra
import ScalingAnalysis

/// Plain Monte Carlo or importance sampling of the GD failure probability.
public enum FailureEstimator: String, Sendable, Codable, Hashable, CaseIterable {
    /// Count failures among R replicates of the model (Wilson interval).
    case plain
    /// Late-activation importance sampling (`GDFailureProposal`); needs α < −1.
    case importance
}

/// The settings of the GD-failure experiment (MODEL.md §4, §5 item 6).
public struct GDFailureSettings: Sendable, Codable, Hashable {
    /// α (default −1.5) and β (default 2); M = ∞.
    public var alpha: Double, beta: Double
    /// N, the number of random features.
    public var featureCount: Int
    /// The data sizes D.
    public var sampleCounts: [Int]
    /// R, replicates per D.
    public var replicates: Int
    /// τ: GD with step η fails when λ_max(F Fᵀ/D) > τ = 2/η.
    public var threshold: Double
    /// Seed of all replicates.
    public var seed: UInt64
    /// Exact W for N, or its isometric limit.
    public var embedding: EmbeddingTreatment
    /// Plain Monte Carlo or importance sampling.
    public var estimator: FailureEstimator

    /// The default N: N ≫ K(D) ≈ 1.77·√D up to D ≈ 10^7.
    public static let defaultFeatureCount = 16384

    /// Settings with the paper's defaults α = −1.5, β = 2, N = 16384, τ = 2/1.9.
    public init(
        alpha: Double = -1.5, beta: Double = 2, featureCount: Int = defaultFeatureCount, sampleCounts: [Int],
        replicates: Int, threshold: Double = 2 / 1.9, seed: UInt64 = 0,
        embedding: EmbeddingTreatment = .exact, estimator: FailureEstimator = .plain
    ) {
        self.alpha = alpha
        self.beta = beta
        self.featureCount = featureCount
        self.sampleCounts = sampleCounts
        self.replicates = replicates
        self.threshold = threshold
        self.seed = seed
        self.embedding = embedding
        self.estimator = estimator
    }

    /// The predicted asymptotic slope d ln P / d ln D = (α + β)/(1 + α).
    public var predictedSlope: Double { (alpha + beta) / (1 + alpha) }

    /// Checks the settings; throws a `ParameterError` naming the offending flag.
    public func validate() throws {
        _ = try DataParameters(alpha: alpha, beta: beta, inputDimension: .infinite)
        if featureCount < 1 { throw ParameterError.invalid(flag: "--n", value: "\(featureCount)", allowed: "an integer ≥ 1") }
        if sampleCounts.isEmpty || sampleCounts.contains(where: { $0 < 2 }) {
            throw ParameterError.invalid(flag: "--d", value: "\(sampleCounts)", allowed: "one or more integers ≥ 2")
        }
        if replicates < 1 { throw ParameterError.invalid(flag: "--replicates", value: "\(replicates)", allowed: "an integer ≥ 1") }
        if !(threshold > 0 && threshold.isFinite) {
            throw ParameterError.invalid(flag: "--threshold", value: "\(threshold)", allowed: "a finite number > 0")
        }
        if estimator == .importance, !(alpha < -1) {
            throw ParameterError.invalid(
                flag: "--estimator", value: "importance", allowed: "plain when α ≥ −1 (importance sampling targets late spikes, which need α < −1)")
        }
        // The proposal activates coordinates up to the index cap, whose variance i^−(1+α) must stay a Double.
        if estimator == .importance, (-1 - alpha) * log(Double(SparseSampler.indexCap)) > log(1e300) {
            throw ParameterError.invalid(
                flag: "--estimator", value: "importance",
                allowed: "plain when α < −17.5 (the importance proposal activates coordinates up to 2^62, whose "
                    + "variance i^−(1+α) is then beyond the range of a Double)")
        }
    }
}

/// The measured failure probability at one D.
public struct GDFailureRow: Sendable, Codable, Hashable {
    /// D.
    public var sampleCount: Int
    /// R.
    public var replicates: Int
    /// Replicates with λ_max > τ (under the proposal, for importance sampling).
    public var failures: Int
    /// P̂: failures/R (plain) or the mean weighted indicator (importance).
    public var probability: Double
    /// Standard error of P̂.
    public var standardError: Double
    /// 95 % interval: Wilson (plain) or P̂ ± 1.96·SE clipped at 0 (importance).
    public var lower: Double, upper: Double
    /// Mean λ_max(F Fᵀ/D) over replicates (lower bounds for early-stopped failures).
    public var meanLargestEigenvalue: Double
    /// Mean K.
    public var meanObservedCoordinates: Double
    /// Wall-clock seconds and throughput.
    public var seconds: Double, replicatesPerMinute: Double
}

/// The local slope d ln P / d ln D between two successive D.
public struct GDFailureLocalSlope: Sendable, Codable, Hashable {
    /// The pair of D.
    public var lowerSampleCount: Int, upperSampleCount: Int
    /// Δ ln P / Δ ln D (nil when a P̂ is 0).
    public var slope: Double?
    /// Its propagated standard error.
    public var standardError: Double?
}

/// The result of the GD-failure experiment: per-D rows, local slopes, and the prediction.
public struct GDFailureResult: Sendable, Codable, Hashable {
    /// The settings.
    public var settings: GDFailureSettings
    /// One row per D (ascending).
    public var rows: [GDFailureRow]
    /// Local slopes between successive D.
    public var localSlopes: [GDFailureLocalSlope]
    /// (α + β)/(1 + α).
    public var predictedSlope: Double
}

/// Runs the GD-failure experiment: for each D, R independent datasets, λ_max(F Fᵀ/D) of each, and the
/// probability that GD with step η = 2/τ diverges. Deterministic for any thread count.
public enum GDFailureExperiment {
    /// The result for `settings` on up to `threads` threads; `progress` is told after each D.
    public static func run(
        _ settings: GDFailureSettings, threads: Int = ParallelChunks.defaultThreads,
        progress: ((GDFailureRow) -> Void)? = nil
    ) throws -> GDFailureResult {
        try settings.validate()
        var rows: [GDFailureRow] = []
        for d in settings.sampleCounts.sorted() {
            let row = measure(settings, sampleCount: d, threads: threads)
            progress?(row)
            rows.append(row)
        }
        var slopes: [GDFailureLocalSlope] = []
        if rows.count >= 2 {
            let points = rows.map { ScalingPoint(x: Double($0.sampleCount), y: $0.probability, standardError: $0.standardError) }
            for l in try LocalExponent.between(points) {
                slopes.append(GDFailureLocalSlope(
                    lowerSampleCount: Int(l.xLower), upperSampleCount: Int(l.xUpper),
                    slope: l.exponent.map { -$0 }, standardError: l.standardError))
            }
        }
        return GDFailureResult(settings: settings, rows: rows, localSlopes: slopes, predictedSlope: settings.predictedSlope)
    }

    /// The row of one D.
    public static func measure(_ settings: GDFailureSettings, sampleCount d: Int, threads: Int) -> GDFailureRow {
        struct Partial: Sendable {
            var failures = 0, sum = 0.0, sumSquares = 0.0, lambda = 0.0, observed = 0.0
        }
        let start = DispatchTime.now()
        let proposal = settings.estimator == .importance
            ? GDFailureProposal(alpha: settings.alpha, beta: settings.beta, sampleCount: d, threshold: settings.threshold)
            : nil
        let design = GDFailureReplicate(
            alpha: settings.alpha, beta: settings.beta, sampleCount: d, featureCount: settings.featureCount,
            threshold: settings.threshold, embedding: settings.embedding, proposal: proposal)
        // Independent streams per D: the seed is mixed with D.
        let seed = settings.seed ^ (UInt64(d) &* 0x9E37_79B9_7F4A_7C15)
        // Each worker runs its replicates' small BLAS kernels itself.
        let partials = BLAS.withThreadCount(1) {
            ParallelChunks.map(count: settings.replicates, chunkSize: 64, threads: threads) { range in
            var scratch = GDFailureReplicate.Scratch()
            var p = Partial()
            for r in range {
                let o = design.run(seed: seed, index: r, scratch: &scratch)
                let contribution = o.failed ? exp(o.logWeight) : 0
                if o.failed { p.failures += 1 }
                p.sum += contribution
                p.sumSquares += contribution * contribution
                p.lambda += o.largestEigenvalue
                p.observed += Double(o.observedCount)
            }
            return p
            }
        }
        var total = Partial()
        for p in partials {
            total.failures += p.failures
            total.sum += p.sum
            total.sumSquares += p.sumSquares
            total.lambda += p.lambda
            total.observed += p.observed
        }
        let r = Double(settings.replicates)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let mean = total.sum / r
        var se: Double
        var lower: Double, upper: Double
        if settings.estimator == .plain {
            se = (mean * (1 - mean) / r).squareRoot()
            let wilson = try? WilsonInterval(count: total.failures, trials: settings.replicates)
            lower = wilson?.lower ?? 0
            upper = wilson?.upper ?? 1
        } else {
            let variance = max(0, total.sumSquares / r - mean * mean) * r / max(1, r - 1)
            se = (variance / r).squareRoot()
            lower = max(0, mean - 1.96 * se)
            upper = mean + 1.96 * se
        }
        return GDFailureRow(
            sampleCount: d, replicates: settings.replicates, failures: total.failures, probability: mean,
            standardError: se, lower: lower, upper: upper, meanLargestEigenvalue: total.lambda / r,
            meanObservedCoordinates: total.observed / r, seconds: seconds,
            replicatesPerMinute: seconds > 0 ? r / seconds * 60 : 0)
    }
}
