/// Which feature map the random-feature model applies to the data; stored as its raw value.
public enum FeatureMap: String, Sendable, Codable, Hashable, CaseIterable {
    /// f = W x.
    case linear
    /// f = ReLU(W x).
    case relu
}
