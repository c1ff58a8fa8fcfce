/// Settings of the iterative solvers and of Monte-Carlo test losses (ignored by exact solvers).
public struct OptimizationSettings: Sendable, Codable, Hashable {
    /// Step size η of gd and sgd (nil: 1/L̂ from power iteration).
    public var stepSize: Double?
    /// Stop when ‖gradient‖ / ‖initial gradient‖ falls below this.
    public var gradientTolerance: Double
    /// Iteration (gd, nesterov) or epoch (sgd) cap.
    public var maxIterations: Int
    /// Minibatch size of sgd.
    public var batchSize: Int
    /// Fresh test samples for Monte-Carlo losses (ReLU features).
    public var testSamples: Int
    /// One-pass SGD's step decay scale t₀: η_t = η/(1 + t/t₀) (nil: constant η).
    public var stepDecay: Double? = nil

    /// The largest iteration (epoch) cap accepted: loops whose length comes from input stay bounded.
    public static let maxIterationCap = 10_000_000

    /// The largest number of Monte-Carlo test samples accepted (the test loss streams them in chunks).
    public static let maxTestSamples = 100_000_000

    /// The defaults: η from power iteration, tolerance 1e-10, 100 000 iterations, batch 32, 4096 test samples.
    public init(
        stepSize: Double? = nil, gradientTolerance: Double = 1e-10, maxIterations: Int = 100_000,
        batchSize: Int = 32, testSamples: Int = 4096
    ) {
        self.stepSize = stepSize
        self.gradientTolerance = gradientTolerance
        self.maxIterations = maxIterations
        self.batchSize = batchSize
        self.testSamples = testSamples
    }
}
