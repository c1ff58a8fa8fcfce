/// The data distribution a point was simulated with.
public enum DataDistribution: String, Codable, Hashable, Sendable, CaseIterable {
    /// Sparse one-hot samples (coordinate i drawn with probability p_i).
    case sparse
    /// Dense Gaussian samples with the same covariance spectrum.
    case dense
}

/// The random-feature map a point was simulated with.
public enum FeatureMap: String, Codable, Hashable, Sendable, CaseIterable {
    /// Linear random features.
    case linear
    /// ReLU random features.
    case relu
}

/// How the loss on unobserved coordinates (the tail) was estimated.
public enum TailEstimator: String, Codable, Hashable, Sendable, CaseIterable {
    /// The conditional expectation of the tail loss given the readout.
    case expected
    /// The tail loss of sampled tail columns.
    case realized
}

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
    /// Number of training samples N.
    public var n: Int
    /// Number of random features D (model size).
    public var d: Int
    /// Data distribution (sparse or dense).
    public var data: DataDistribution
    /// Feature map (linear or ReLU).
    public var features: FeatureMap
    /// Name of the solver that fitted the readout (e.g. "reduced-exact", "gd").
    public var solver: String
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
        data: DataDistribution, features: FeatureMap, solver: String,
        ridge: Double = 0, tail: TailEstimator = .expected, tolerance: Double? = nil,
        extra: String = ""
    ) {
        self.alpha = alpha
        self.beta = beta
        self.m = m
        self.n = n
        self.d = d
        self.data = data
        self.features = features
        self.solver = solver
        self.ridge = ridge
        self.tail = tail
        self.tolerance = tolerance
        self.extra = extra
    }
}
