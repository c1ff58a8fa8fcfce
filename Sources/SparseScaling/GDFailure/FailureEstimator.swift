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
