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

    /// Creates a result from its measurements.
    public init(
        loss: Double, lossObserved: Double, lossTail: Double, lossStandardError: Double? = nil,
        observedCoordinates: Int, rank: Int, seconds: Double, extras: [String: Double] = [:]
    ) {
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
