import Foundation
import LinearAlgebra
import ScalingAnalysis

/// The settings of the GD-failure experiment (docs/theory.md §4, §5 item 6).
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

    /// The largest replicate count accepted per D (about a week of work at 10^5 replicates per minute).
    public static let maxReplicates = 1_000_000_000

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

    /// Checks the settings; throws a `ParameterError` naming the offending parameter.
    public func validate() throws {
        _ = try DataParameters(alpha: alpha, beta: beta, inputDimension: .infinite)
        if featureCount < 1 { throw ParameterError.invalid(parameter: .featureCount, value: "\(featureCount)", allowed: "an integer ≥ 1") }
        if sampleCounts.isEmpty || sampleCounts.contains(where: { $0 < 2 }) {
            throw ParameterError.invalid(parameter: .sampleCount, value: "\(sampleCounts)", allowed: "one or more integers ≥ 2")
        }
        if !(1...Self.maxReplicates).contains(replicates) {
            throw ParameterError.invalid(parameter: .replicates, value: "\(replicates)", allowed: "an integer from 1 to \(Self.maxReplicates)")
        }
        if !(threshold > 0 && threshold.isFinite) {
            throw ParameterError.invalid(parameter: .threshold, value: "\(threshold)", allowed: "a finite number > 0")
        }
        if estimator == .importance, !(alpha < -1) {
            throw ParameterError.invalid(
                parameter: .failureEstimator, value: "importance", allowed: "plain when α ≥ −1 (importance sampling targets late spikes, which need α < −1)")
        }
        // The proposal activates coordinates up to the index cap, whose variance i^−(1+α) must stay a Double.
        if estimator == .importance, (-1 - alpha) * log(Double(SparseSampler.indexCap)) > log(1e300) {
            throw ParameterError.invalid(
                parameter: .failureEstimator, value: "importance",
                allowed: "plain when α < −17.5 (the importance proposal activates coordinates up to 2^62, whose "
                    + "variance i^−(1+α) is then beyond the range of a Double)")
        }
    }
}
