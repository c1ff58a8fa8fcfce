import Foundation
import LinearAlgebra
import ScalingAnalysis

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
