import Foundation
import LinearAlgebra
import ScalingAnalysis

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
