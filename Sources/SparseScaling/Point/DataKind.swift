/// Which data distribution samples come from.
public enum DataKind: String, Sendable, Codable, CaseIterable {
    /// The paper's sparse model (MODEL.md §2).
    case sparse
    /// The dense Gaussian baseline with the same marginal variances.
    case dense
}
