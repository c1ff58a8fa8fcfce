/// The measured result of one point: its loss and its parts, the size of the problem and the time.
public struct PointOutcome: Sendable, Codable {
    /// The population loss L = loss_observed + loss_tail.
    public let loss: Double
    /// The loss on observed coordinates.
    public let lossObserved: Double
    /// The loss on unobserved coordinates (expected or realized).
    public let lossTail: Double
    /// K = |S|, the coordinates active in at least one training sample.
    public let observedCoordinates: Int
    /// Numerical rank of the feature matrix.
    public let rank: Int
    /// Wall-clock seconds of the whole point.
    public let seconds: Double
    /// The trained readout v (not encoded).
    public let readout: [Double]
    /// Standard error of `loss` when it is a Monte-Carlo estimate (ReLU features); nil when exact.
    public var lossStandardError: Double? = nil
    /// How the iterative solver ended (iterations, converged, final relative gradient norm); nil for exact solvers.
    public var convergence: Convergence? = nil
    /// The estimator that produced `loss` when the conditional one was asked for: `.conditional`, or
    /// `.sample` where N < r + 2 made it fall back to one draw; nil when one draw was asked for.
    public var estimator: LossEstimator? = nil
    /// σ², the label-noise variance (0 for noiseless labels). `loss` is the excess loss.
    public var labelNoiseVariance: Double = 0

    /// The test loss on noisy labels: the excess loss plus σ² (`loss` itself when σ = 0).
    public var testLoss: Double { labelNoiseVariance == 0 ? loss : loss + labelNoiseVariance }

    private enum CodingKeys: String, CodingKey {
        case loss, lossObserved, lossTail, observedCoordinates, rank, seconds, lossStandardError, convergence
        case estimator = "estimatorUsed"
    }

    /// An outcome from its parts.
    public init(
        loss: LossParts, observedCoordinates: Int, rank: Int, seconds: Double, readout: [Double],
        lossStandardError: Double? = nil, labelNoiseVariance: Double = 0
    ) {
        self.labelNoiseVariance = labelNoiseVariance
        self.lossStandardError = lossStandardError
        self.loss = loss.total
        self.lossObserved = loss.observed
        self.lossTail = loss.tail
        self.observedCoordinates = observedCoordinates
        self.rank = rank
        self.seconds = seconds
        self.readout = readout
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        loss = try c.decode(Double.self, forKey: .loss)
        lossObserved = try c.decode(Double.self, forKey: .lossObserved)
        lossTail = try c.decode(Double.self, forKey: .lossTail)
        observedCoordinates = try c.decode(Int.self, forKey: .observedCoordinates)
        rank = try c.decode(Int.self, forKey: .rank)
        seconds = try c.decode(Double.self, forKey: .seconds)
        readout = []
        lossStandardError = try c.decodeIfPresent(Double.self, forKey: .lossStandardError)
        convergence = try c.decodeIfPresent(Convergence.self, forKey: .convergence)
        estimator = try c.decodeIfPresent(LossEstimator.self, forKey: .estimator)
    }
}
