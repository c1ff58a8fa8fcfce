import Foundation
import LinearAlgebra

/// How the random embedding enters λ_max(F Fᵀ/D) in the GD-failure experiment.
public enum EmbeddingTreatment: String, Sendable, Codable, Hashable, CaseIterable {
    /// W_S with the given N, exactly in distribution: λ_max(W_S A W_Sᵀ) = λ_max(Lᵀ A L) where
    /// L Lᵀ = W_Sᵀ W_S ~ Wishart_K(N, I/N) is drawn by the Bartlett decomposition (cost K², not N·K).
    case exact
    /// The N → ∞ limit W_Sᵀ W_S = I: λ_max(A)/D.
    case isometric
}
