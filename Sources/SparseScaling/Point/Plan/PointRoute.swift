/// The evaluation path of a point: one case per way a loss is computed. `PointPlan` picks it once.
public enum PointRoute: String, Sendable, Codable, CaseIterable {
    /// Linear features, reduced solver, W_S and B = W_S R held in memory (sparse or dense data).
    case reducedInMemory = "reduced-in-memory"
    /// Linear features, reduced solver, B produced block by block (sparse data; every sublinear point).
    case reducedStreamed = "reduced-streamed"
    /// Linear features, the paper's dense pseudoinverse of F = W X.
    case direct
    /// The conditional estimator E[L | data] (sparse data, linear features, reduced solver, no ridge).
    case conditional
    /// Linear features trained by gd or nesterov in the reduced space.
    case reducedIterative = "reduced-iterative"
    /// Linear features trained by minibatch SGD over the samples.
    case sampleSGD = "sample-sgd"
    /// One-pass SGD: each of the D samples used once.
    case online
    /// ReLU features: a Monte-Carlo test loss.
    case relu

    /// The route of `specification` (already validated): per-sample reduced points stream when W_S and
    /// B together would exceed `streamingBytes`.
    static func of(_ specification: PointSpecification, streamingBytes: Double) -> PointRoute {
        let s = specification
        if s.estimator == .conditional { return .conditional }
        switch (s.features, s.solver) {
        case (.relu, _): return .relu
        case (.linear, .direct): return .direct
        case (.linear, .gd), (.linear, .nesterov): return .reducedIterative
        case (.linear, .sgd): return .sampleSGD
        case (.linear, .online): return .online
        case (.linear, .reduced):
            guard s.data == .sparse else { return .reducedInMemory }
            if s.sampler == .sublinear { return .reducedStreamed }
            let held = 16 * Double(s.featureCount) * MemoryEstimate.observedCoordinatesBound(s)
            return held > streamingBytes ? .reducedStreamed : .reducedInMemory
        }
    }
}
