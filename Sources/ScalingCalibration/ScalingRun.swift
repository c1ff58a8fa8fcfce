/// One training run: model size N (parameters), data size D (tokens) and its final loss L, all > 0.
public struct ScalingRun: Sendable, Codable, Hashable {
    /// Model size N.
    public var modelSize: Double
    /// Data size D (training tokens).
    public var dataSize: Double
    /// Final loss L.
    public var loss: Double

    /// A run from its N, D and L.
    public init(modelSize: Double, dataSize: Double, loss: Double) {
        self.modelSize = modelSize
        self.dataSize = dataSize
        self.loss = loss
    }
}
