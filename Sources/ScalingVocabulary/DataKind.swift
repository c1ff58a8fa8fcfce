/// Which data distribution the samples come from (docs/theory.md §2); stored as its raw value.
public enum DataKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// The paper's sparse model: coordinate i active with probability p_i.
    case sparse
    /// The dense Gaussian baseline with the same marginal variances.
    case dense
}
