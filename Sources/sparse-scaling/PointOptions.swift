import ArgumentParser
import SparseScaling

/// The flags that define one point, shared by `point` and `export`.
struct PointOptions: ParsableArguments {
    @Option(help: "Amplitude exponent α (active coordinate i has variance i^-(1+α)); any finite number with α + β > 0. Default 0.")
    var alpha: Double = 0

    @Option(help: "Activation exponent β ≥ 0 (coordinate i is active with probability i^-β). Default 2.")
    var beta: Double = 2

    @Option(help: "Number of random features N (model size), an integer ≥ 1.")
    var n: Int

    @Option(help: "Number of training samples D (data size), an integer ≥ 1.")
    var d: Int

    @Option(help: "Input dimension M: an integer ≥ 1 or 'inf' (sparse data with β > 1 only). Default inf (sparse), 8192 (dense).")
    var m: String?

    @Option(help: "Data distribution: sparse (the paper's model) or dense (Gaussian baseline). Default sparse.")
    var data: DataKind = .sparse

    @Option(help: "Solver: reduced (exact, cost independent of D and M) or direct (dense pseudoinverse). Default reduced for sparse, direct for dense.")
    var solver: SolverKind?

    @Option(help: "Ridge λ_r ≥ 0; 0 gives the minimum-norm interpolator. Default 0.")
    var ridge: Double = 0

    @Option(help: "Tail-loss estimator: expected (any M) or realized (finite M). Default expected.")
    var tail: TailEstimator = .expected

    @Option(help: "Relative singular-value tolerance of the pseudoinverse, in (0, 1). Default max(N, D)·ε_double.")
    var tolerance: Double?

    @Option(help: "Seed of data, embedding and teacher, an integer in 0…2^64−1. Default 0.")
    var seed: UInt64 = 0

    @Option(help: "Feature map: linear (f = W x) or relu (f = ReLU(W x), loss by Monte Carlo). Default linear.")
    var features: FeatureKind = .linear

    @Option(help: "Step size η > 0 of gd, nesterov and sgd. Default 1/λ_max(F Fᵀ/D) from power iteration (sgd: 1/max‖f_d‖²).")
    var eta: Double?

    @Option(help: "Iterative solvers stop when ‖gradient‖/‖initial gradient‖ falls below this, in (0, 1). Default 1e-10.")
    var gradientTolerance: Double = 1e-10

    @Option(help: "Iteration cap of gd and nesterov (epoch cap of sgd), an integer ≥ 1. Default 100000.")
    var maxIterations: Int = 100_000

    @Option(help: "Minibatch size of sgd, an integer ≥ 1. Default 32.")
    var batchSize: Int = 32

    @Option(help: "Fresh test samples for the Monte-Carlo loss of ReLU features, an integer ≥ 2. Default 4096.")
    var testSamples: Int = 4096

    mutating func validate() throws {
        _ = try specification()
    }

    /// The validated point specification, with every error naming its flag.
    func specification() throws -> PointSpecification {
        do {
            let dimension: InputDimension
            if let m {
                guard let parsed = InputDimension(parsing: m) else {
                    throw ValidationError("invalid value '\(m)' for --m: expected an integer ≥ 1 or 'inf'")
                }
                dimension = parsed
            } else {
                dimension = data == .dense ? .finite(8192) : .infinite
            }
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: dimension)
            let optimization = try optimizationSettings()
            let spec = PointSpecification(
                parameters: parameters, featureCount: n, sampleCount: d, data: data, features: features,
                solver: solver ?? (data == .dense || features == .relu ? .direct : .reduced), ridge: ridge, tail: tail,
                tolerance: tolerance, seed: seed, optimization: optimization)
            try spec.validate()
            return spec
        } catch let error as ParameterError {
            throw ValidationError(error.description)
        }
    }


    /// The iterative-solver and Monte-Carlo settings, each checked against its allowed range.
    func optimizationSettings() throws -> OptimizationSettings {
        if let eta, !(eta > 0 && eta.isFinite) {
            throw ValidationError("invalid value '\(eta)' for --eta: expected a finite number > 0")
        }
        guard gradientTolerance > 0, gradientTolerance < 1 else {
            throw ValidationError("invalid value '\(gradientTolerance)' for --gradient-tolerance: expected a number in (0, 1)")
        }
        guard maxIterations >= 1 else {
            throw ValidationError("invalid value '\(maxIterations)' for --max-iterations: expected an integer ≥ 1")
        }
        guard batchSize >= 1 else {
            throw ValidationError("invalid value '\(batchSize)' for --batch-size: expected an integer ≥ 1")
        }
        guard testSamples >= 2 else {
            throw ValidationError("invalid value '\(testSamples)' for --test-samples: expected an integer ≥ 2")
        }
        return OptimizationSettings(
            stepSize: eta, gradientTolerance: gradientTolerance, maxIterations: maxIterations,
            batchSize: batchSize, testSamples: testSamples)
    }
}

extension FeatureKind: ExpressibleByArgument {}
extension DataKind: ExpressibleByArgument {}
extension SolverKind: ExpressibleByArgument {}
extension TailEstimator: ExpressibleByArgument {}
