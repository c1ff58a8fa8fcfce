/// Which data distribution samples come from.
public enum DataKind: String, Sendable, Codable, CaseIterable {
    /// The paper's sparse model (MODEL.md §2).
    case sparse
    /// The dense Gaussian baseline with the same marginal variances.
    case dense
}

/// Which feature map the random-feature model applies.
public enum FeatureKind: String, Sendable, Codable, CaseIterable {
    /// f = W x.
    case linear
    /// f = ReLU(W x).
    case relu
}

/// Which algorithm trains the readout.
public enum SolverKind: String, Sendable, Codable, CaseIterable {
    /// The exact reduced minimum-norm solver (cost independent of D and M).
    case reduced
    /// The dense pseudoinverse of F = W X (the paper's method).
    case direct
    /// Full-batch gradient descent from v = 0 with a fixed step.
    case gd
    /// Nesterov-accelerated gradient descent with O'Donoghue–Candès adaptive restart.
    case nesterov
    /// Minibatch stochastic gradient descent.
    case sgd
}

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
    public var features: FeatureKind
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

    /// A specification with the defaults of MODEL.md for unspecified options.
    public init(
        parameters: DataParameters, featureCount: Int, sampleCount: Int, data: DataKind = .sparse,
        features: FeatureKind = .linear, solver: SolverKind = .reduced, ridge: Double = 0,
        tail: TailEstimator = .expected, tolerance: Double? = nil, seed: UInt64 = 0,
        optimization: OptimizationSettings = OptimizationSettings()
    ) {
        self.optimization = optimization
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

    /// The largest M·N the realized tail may draw (one normal variate per embedding entry of every
    /// coordinate), so that the work of a point on a large finite M stays bounded.
    public static let realizedTailDrawLimit = Double(1 << 30)

    /// Checks the combination of options; throws a `ParameterError` naming the offending flag.
    public func validate() throws {
        if featureCount < 1 { throw ParameterError.invalid(flag: "--n", value: "\(featureCount)", allowed: "an integer ≥ 1") }
        if sampleCount < 1 { throw ParameterError.invalid(flag: "--d", value: "\(sampleCount)", allowed: "an integer ≥ 1") }
        if !(ridge >= 0) || !ridge.isFinite {
            throw ParameterError.invalid(flag: "--ridge", value: "\(ridge)", allowed: "a finite number ≥ 0")
        }
        if let tolerance, !(tolerance > 0 && tolerance < 1) {
            throw ParameterError.invalid(flag: "--tolerance", value: "\(tolerance)", allowed: "a number in (0, 1)")
        }
        let finiteM = parameters.inputDimension.finiteValue != nil
        if data == .dense, !finiteM {
            throw ParameterError.invalid(flag: "--m", value: "inf", allowed: "a finite M for dense data")
        }
        if tail == .realized, !finiteM {
            throw ParameterError.invalid(flag: "--tail", value: "realized", allowed: "'expected' when M = inf (the realized tail needs a finite M)")
        }
        if tail == .realized, let m = parameters.inputDimension.finiteValue,
           Double(m) * Double(featureCount) > Self.realizedTailDrawLimit {
            throw ParameterError.invalid(
                flag: "--tail", value: "realized",
                allowed: "'expected' here: the realized tail draws all M·N embedding entries, at most "
                    + "2^30 (here M·N = \(Double(m) * Double(featureCount)))")
        }
    }
}
