/// One training run: model size N (parameters), data size D (tokens) and its final loss L, all > 0.
public struct ScalingRun: Sendable, Codable, Hashable {
    /// Model size N.
    public var featureCount: Double
    /// Data size D (training tokens).
    public var sampleCount: Double
    /// Final loss L.
    public var loss: Double

    /// A run from its N, D and L.
    public init(featureCount: Double, sampleCount: Double, loss: Double) {
        self.featureCount = featureCount
        self.sampleCount = sampleCount
        self.loss = loss
    }
}
