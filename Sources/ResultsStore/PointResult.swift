/// What one simulation of one (configuration, seed) measured.
public struct PointResult: Codable, Hashable, Sendable {
    /// Total test loss L = L_observed + L_tail (NaN if the run diverged).
    public var loss: Double
    /// Loss on the observed coordinates, L_S.
    public var lossObserved: Double
    /// Loss on the unobserved coordinates (tail), L_tail.
    public var lossTail: Double
    /// Standard error of a Monte-Carlo loss estimate; `nil` when the loss is exact.
    public var lossStandardError: Double?
    /// Number of distinct latent coordinates seen in the training set.
    public var observedCoordinates: Int
    /// Numerical rank of the fitted system.
    public var rank: Int
    /// Wall-clock seconds the simulation took.
    public var seconds: Double
    /// Any further named measurements (stored as a JSON object).
    public var extras: [String: Double]
    /// Iterations (epochs for SGD) an iterative solver ran; nil for exact solvers.
    public var iterations: Int? = nil
    /// Whether an iterative solver reached its gradient tolerance before its cap; nil for exact solvers.
    public var converged: Bool? = nil
    /// An iterative solver's final ‖gradient‖ / ‖initial gradient‖; nil for exact solvers.
    public var relativeGradientNorm: Double? = nil

    /// Creates a result from its measurements.
    public init(
        loss: Double, lossObserved: Double, lossTail: Double, lossStandardError: Double? = nil,
        observedCoordinates: Int, rank: Int, seconds: Double, extras: [String: Double] = [:],
        iterations: Int? = nil, converged: Bool? = nil, relativeGradientNorm: Double? = nil
    ) {
        self.iterations = iterations
        self.converged = converged
        self.relativeGradientNorm = relativeGradientNorm
        self.loss = loss
        self.lossObserved = lossObserved
        self.lossTail = lossTail
        self.lossStandardError = lossStandardError
        self.observedCoordinates = observedCoordinates
        self.rank = rank
        self.seconds = seconds
        self.extras = extras
    }
}
