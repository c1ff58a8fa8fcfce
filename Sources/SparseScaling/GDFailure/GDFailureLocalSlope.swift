import Foundation
import LinearAlgebra
import ScalingAnalysis

/// The local slope d ln P / d ln D between two successive D.
public struct GDFailureLocalSlope: Sendable, Codable, Hashable {
    /// The pair of D.
    public var lowerSampleCount: Int, upperSampleCount: Int
    /// Δ ln P / Δ ln D (nil when a P̂ is 0).
    public var slope: Double?
    /// Its propagated standard error.
    public var standardError: Double?
}
