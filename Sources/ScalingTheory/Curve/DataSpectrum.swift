import Foundation

/// What the loss of one training set depends on once W and w* are averaged out (docs/theory.md §6):
/// the nonzero eigenvalues s_j of A = X_S X_Sᵀ, the loss weights g_j = Σ_{i∈S} λ_i u_ij² of their
/// eigenvectors, the null-direction mass G₀ = Σ_{j: s_j = 0} g_j and the unobserved mass T = Σ_{i∉S} λ_i.
public struct DataSpectrum: Sendable, Hashable, Codable {
    /// The nonzero eigenvalues s_j of A (r of them).
    public let eigenvalues: [Double]
    /// g_j = Σ_{i∈S} λ_i u_ij² for each nonzero eigenvalue, in the same order.
    public let weights: [Double]
    /// G₀: the summed weights of A's null directions (they behave like unobserved coordinates).
    public let nullMass: Double
    /// T = Σ_{i∉S} λ_i: the marginal variance of the coordinates no sample activated.
    public let unobservedMass: Double

    /// A spectrum from its parts; eigenvalues must be positive and finite, masses finite and ≥ 0.
    public init(eigenvalues: [Double], weights: [Double], nullMass: Double, unobservedMass: Double) {
        precondition(eigenvalues.count == weights.count, "one weight per eigenvalue")
        precondition(eigenvalues.allSatisfy { $0 > 0 && $0.isFinite }, "eigenvalues must be positive and finite")
        precondition(weights.allSatisfy { $0 >= 0 && $0.isFinite }, "weights must be finite and ≥ 0")
        precondition(nullMass >= 0 && nullMass.isFinite && unobservedMass >= 0 && unobservedMass.isFinite,
                     "masses must be finite and ≥ 0")
        self.eigenvalues = eigenvalues
        self.weights = weights
        self.nullMass = nullMass
        self.unobservedMass = unobservedMass
    }

    /// Splits a full eigendecomposition of A (all K eigenvalues, with their weights g_j) at
    /// `relativeTolerance`·max s_j: eigenvalues at or below it count as null directions (into G₀).
    public init(allEigenvalues: [Double], weights: [Double], unobservedMass: Double,
                relativeTolerance: Double) {
        precondition(allEigenvalues.count == weights.count, "one weight per eigenvalue")
        let cutoff = relativeTolerance * (allEigenvalues.max() ?? 0)
        var kept: [Double] = [], keptWeights: [Double] = [], null = 0.0
        for (s, g) in zip(allEigenvalues, weights) {
            if s > cutoff && s > 0 {
                kept.append(s)
                keptWeights.append(g)
            } else {
                null += g
            }
        }
        self.init(eigenvalues: kept, weights: keptWeights, nullMass: null, unobservedMass: unobservedMass)
    }

    /// r = rank A, the number of nonzero eigenvalues.
    public var rank: Int { eigenvalues.count }

    /// T + G₀: the mass that no readout can fit.
    public var unfittableMass: Double { unobservedMass + nullMass }
}
