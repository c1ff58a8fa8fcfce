/// Why an iterative solver stopped.
public enum StoppingReason: String, Sendable, Codable, Hashable {
    /// The relative gradient norm fell below the tolerance.
    case converged
    /// The iteration (or epoch) cap was reached first.
    case iterationCap
    /// The loss grew without bound (step too large: η·λ_max(F Fᵀ/D) > 2 for gradient descent).
    case diverged
}

/// The result of an iterative solver: the readout, how it stopped, and its loss curve.
public struct IterativeSolution: Sendable, Codable, Hashable {
    /// The readout v (length N).
    public var readout: [Double]
    /// Iterations (gd, nesterov) or epochs (sgd) performed.
    public var iterations: Int
    /// Why the solver stopped.
    public var stoppingReason: StoppingReason
    /// The step size used.
    public var stepSize: Double
    /// The final ‖gradient‖ / ‖initial gradient‖.
    public var relativeGradientNorm: Double
    /// The final empirical loss (1/2D)‖vF − y‖².
    public var empiricalLoss: Double
    /// Momentum restarts (nesterov only).
    public var restarts: Int
    /// The recorded loss curve.
    public var curve: LossCurve
}

/// Stopping rule and step of an iterative solver.
public struct IterationLimits: Sendable, Hashable {
    /// Stop when ‖gradient‖ / ‖initial gradient‖ < this.
    public var gradientTolerance: Double
    /// Iteration (or epoch) cap.
    public var maxIterations: Int

    /// Limits from their values.
    public init(gradientTolerance: Double = 1e-10, maxIterations: Int = 100_000) {
        self.gradientTolerance = gradientTolerance
        self.maxIterations = maxIterations
    }
}
