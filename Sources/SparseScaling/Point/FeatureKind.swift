/// Which feature map the random-feature model applies.
public enum FeatureKind: String, Sendable, Codable, CaseIterable {
    /// f = W x.
    case linear
    /// f = ReLU(W x).
    case relu
}
