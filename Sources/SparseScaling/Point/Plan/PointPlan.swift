import Foundation

/// How one point is computed, decided once from a validated specification: its route, how its data
/// are drawn, its label noise and the memory it needs. Evaluators, the memory check and `export` all
/// read this one value.
public struct PointPlan: Sendable {
    /// The point (valid: every combination check passed).
    public let specification: PointSpecification
    /// The evaluation path.
    public let route: PointRoute

    /// Per-sample reduced points hold W_S and B whole below this many bytes and stream above it: 1 GiB, or
    /// the environment variable SPARSE_SCALING_STREAM_ABOVE_BYTES (a number of bytes ≥ 0; 0 streams every
    /// sparse reduced point), which lets tests run the streamed route at small sizes.
    public static let defaultStreamingBytes: Double = {
        if let text = ProcessInfo.processInfo.environment["SPARSE_SCALING_STREAM_ABOVE_BYTES"],
           let bytes = Double(text), bytes >= 0 {
            return bytes
        }
        return Double(1 << 30)
    }()

    /// Validates `specification` (every parameter, once) and plans it; per-sample reduced points stream
    /// when W_S and B would exceed `streamingBytes` (tests lower it to stream small points).
    public init(_ specification: PointSpecification, streamingBytes: Double = PointPlan.defaultStreamingBytes) throws {
        try specification.validate()
        try specification.checkSolverCombination()
        try specification.checkEstimatorCombination()
        try specification.checkUnusedSettings()
        self.specification = specification
        self.route = PointRoute.of(specification, streamingBytes: streamingBytes)
    }

    /// The label noise y = w*·x + σε of this point (σ = 0: noiseless), the one source every route draws from.
    public var labelNoise: LabelNoise { LabelNoise(scale: specification.labelNoise, seed: specification.seed) }

    /// The estimated peak memory of evaluating this point alone.
    package var memory: MemoryEstimate { MemoryEstimate(plan: self) }

    /// Whether the route draws the samples themselves (per-sample) rather than the sublinear sampler's
    /// equivalent columns.
    public var drawsSamples: Bool { specification.data == .dense || specification.sampler == .perSample }
}
