import Foundation
import ScalingTheory

extension MemoryEstimate {
    /// The peak of the GD-failure experiment with `threads` workers, each holding one replicate of the
    /// largest D at a time: the activation list (E entries, doubled for growth) and its grouped copy,
    /// per-sample groups and offsets, the Bartlett factor (4·K² bytes; W_S itself, 16·N·K, when N < K)
    /// and the Lanczos basis (120·K doubles). E and K are bounded by their means plus six deviations.
    public init(gdFailure settings: GDFailureSettings, threads: Int) throws {
        let parameters = try DataParameters(alpha: settings.alpha, beta: settings.beta, inputDimension: .infinite)
        let d = Double(settings.sampleCounts.max() ?? 2)
        let n = Double(settings.featureCount)
        let entries = Self.upperBound(d * Self.expectedActivePerSample(parameters))
        let k = min(entries, Self.upperBound(parameters.expectedObservedCoordinates(sampleCount: d)))
        let embedding = n >= k ? 4 * k * k : 16 * n * k
        let perThread = 2 * 16 * entries + 12 * entries + 12 * d + embedding + 8 * 120 * k + 64 * k
        let workers = Double(max(1, min(threads, settings.replicates)))
        self.init(bytes: Self.baselineBytes + Self.safetyFactor * workers * perThread)
    }
}
