import ScalingVocabulary

/// Every parameter that determines one simulated point, apart from the seed.
///
/// Two configurations with equal ``key`` are the same experiment; see `PointConfiguration+CanonicalKey.swift`.
public struct PointConfiguration: Codable, Hashable, Sendable {
    /// Exponent α of the feature-importance (eigenvalue) power law.
    public var alpha: Double
    /// Exponent β of the frequency power law.
    public var beta: Double
    /// Number of latent features M; `nil` means infinitely many.
    public var m: Int?
    /// Number of random features N (model size).
    public var n: Int
    /// Number of training samples D (data size).
    public var d: Int
    /// Data distribution (sparse or dense), feature map (linear or ReLU), and the solver that fitted the readout.
    public var data: DataKind, features: FeatureMap, solver: SolverKind
    /// Ridge penalty λ_r ≥ 0 (0 = minimum-norm, ridgeless).
    public var ridge: Double
    /// Tail-loss estimator.
    public var tail: TailEstimator
    /// Relative singular-value tolerance; `nil` means the solver's default.
    public var tolerance: Double?
    /// Canonical text of any further options (e.g. GD step size); see ``canonicalExtra(_:)``.
    public var extra: String

    /// Creates a configuration from all of its parameters.
    public init(
        alpha: Double, beta: Double, m: Int?, n: Int, d: Int,
        data: DataKind, features: FeatureMap, solver: SolverKind,
        ridge: Double = 0, tail: TailEstimator = .expected, tolerance: Double? = nil,
        extra: String = ""
    ) {
        self.alpha = alpha
        self.beta = beta
        self.m = m
        self.n = n
        self.d = d
        (self.data, self.features, self.solver) = (data, features, solver)
        self.ridge = ridge
        self.tail = tail
        self.tolerance = tolerance
        self.extra = extra
    }
}
