/// Everything that defines one measured point: data, model size, data size, solver and seed.
public struct PointSpecification: Sendable, Codable, Hashable {
    /// α, β and M.
    public var parameters: DataParameters
    /// Number of random features N.
    public var featureCount: Int
    /// Number of training samples D.
    public var sampleCount: Int
    /// Sparse or dense data.
    public var data: DataKind
    /// Linear or ReLU features.
    public var features: FeatureMap
    /// The training algorithm.
    public var solver: SolverKind
    /// Ridge λ_r ≥ 0.
    public var ridge: Double
    /// The tail-loss estimator (sparse linear only).
    public var tail: TailEstimator
    /// Relative singular-value tolerance (nil: max(N, D)·ε_double).
    public var tolerance: Double?
    /// The seed of data, embedding and teacher.
    public var seed: UInt64
    /// Settings of iterative solvers and Monte-Carlo losses.
    public var optimization: OptimizationSettings
    /// What the point reports: one draw's loss, or the conditional mean given the data.
    public var estimator: LossEstimator = .sample
    /// The sampler of sparse data (its random stream defines the instance of a seed).
    public var sampler: SamplerVersion
    /// Label-noise standard deviation σ ≥ 0 (docs/theory.md §7.1): y = w*·x + σε; 0 for noiseless labels.
    public var labelNoise: Double = 0

    /// σ², the label-noise variance.
    public var labelNoiseVariance: Double { labelNoise * labelNoise }

    /// A specification with the defaults of docs/theory.md for unspecified options.
    public init(
        parameters: DataParameters, featureCount: Int, sampleCount: Int, data: DataKind = .sparse,
        features: FeatureMap = .linear, solver: SolverKind = .reduced, ridge: Double = 0,
        tail: TailEstimator = .expected, tolerance: Double? = nil, seed: UInt64 = 0,
        optimization: OptimizationSettings = OptimizationSettings(), sampler: SamplerVersion = .perSample,
        labelNoise: Double = 0
    ) {
        self.optimization = optimization
        self.sampler = sampler
        self.labelNoise = labelNoise
        self.parameters = parameters
        self.featureCount = featureCount
        self.sampleCount = sampleCount
        self.data = data
        self.features = features
        self.solver = solver
        self.ridge = ridge
        self.tail = tail
        self.tolerance = tolerance
        self.seed = seed
    }

    /// The largest σ accepted: the label-noise law's bound, so a point and its prediction accept the same σ.
    public static let largestLabelNoise = LabelNoiseLossLaw.largestNoise

    /// The largest M·N the realized tail may draw (one normal variate per embedding entry of every
    /// coordinate), so that the work of a point on a large finite M stays bounded.
    public static let realizedTailDrawLimit = Double(1 << 30)

    /// Checks the combination of options; throws a `ParameterError` naming the offending parameter.
    public func validate() throws {
        if featureCount < 1 { throw ParameterError.invalid(parameter: .featureCount, value: "\(featureCount)", allowed: "an integer ≥ 1") }
        if sampleCount < 1 { throw ParameterError.invalid(parameter: .sampleCount, value: "\(sampleCount)", allowed: "an integer ≥ 1") }
        if !(ridge >= 0) || !ridge.isFinite {
            throw ParameterError.invalid(parameter: .ridge, value: "\(ridge)", allowed: "a finite number ≥ 0")
        }
        if !(labelNoise >= 0) || !labelNoise.isFinite || labelNoise > Self.largestLabelNoise {
            throw ParameterError.invalid(parameter: .labelNoise, value: "\(labelNoise)", allowed: "a number from 0 to 1e100")
        }
        if let tolerance, !(tolerance > 0 && tolerance < 1) {
            throw ParameterError.invalid(parameter: .tolerance, value: "\(tolerance)", allowed: "a number in (0, 1)")
        }
        let finiteM = parameters.inputDimension.finiteValue != nil
        if data == .dense, !finiteM {
            throw ParameterError.invalid(parameter: .inputDimension, value: "inf", allowed: "a finite M for dense data")
        }
        if tail == .realized, !finiteM {
            throw ParameterError.invalid(parameter: .tailEstimator, value: "realized", allowed: "'expected' when M = inf (the realized tail needs a finite M)")
        }
        if tail == .realized, let m = parameters.inputDimension.finiteValue,
           Double(m) * Double(featureCount) > Self.realizedTailDrawLimit {
            throw ParameterError.invalid(
                parameter: .tailEstimator, value: "realized",
                allowed: "'expected' here: the realized tail draws all M·N embedding entries, at most "
                    + "2^30 (here M·N = \(Double(m) * Double(featureCount)))")
        }
        try validateIndexCap()
    }
}
