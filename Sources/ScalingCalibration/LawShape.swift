/// The two functional forms of L(N, D) the calibration fits and compares.
public enum LawShape: String, Sendable, Codable, Hashable, CaseIterable {
    /// L = E + A/N^a + B/D^b (Chinchilla's Approach 3): the model-rich and data-rich laws simply added.
    case additive
    /// L = E + A/N^a + B/D^b·Q(b, c·D·N^(−a/b)): the sparse-feature model's own join of the two laws
    /// (`JoinedLaw`); the data term switches off where the model is too small to use the data.
    case joined

    /// Number of free parameters.
    public var parameterCount: Int { self == .additive ? 5 : 6 }
}
