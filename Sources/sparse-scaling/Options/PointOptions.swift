import ArgumentParser
import SparseScaling

/// The flags that define one point, shared by `point` and `export`.
struct PointOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Amplitude exponent α (active coordinate i has variance i^-(1+α)); any finite number with α + β > 0.")
    var alpha: Double = 0

    @Option(parsing: .unconditional, help: "Activation exponent β ≥ 0 (coordinate i is active with probability i^-β).")
    var beta: Double = 2

    @Option(parsing: .unconditional, help: "Number of random features N (model size), an integer ≥ 1; sweep also takes a list (8,16,32) or a log range (8...4096x2).")
    var n: String?

    @Option(parsing: .unconditional, help: "Number of training samples D (data size), an integer ≥ 1 (1e6 allowed); sweep also takes a list or a log range (64...16384x2).")
    var d: String

    @Option(parsing: .unconditional, help: "Input dimension M: an integer ≥ 1 or 'inf' (sparse data with β > 1 only). Default inf (sparse), 8192 (dense).")
    var m: String?

    @Option(help: "Data distribution: sparse (the paper's model) or dense (Gaussian baseline).")
    var data: DataKind = .sparse

    @Option(help: "Solver: reduced (exact, cost independent of D and M), direct (dense pseudoinverse), iterative gd, nesterov, sgd, or online (one-pass SGD: each of the D samples used once, D = steps; sparse linear only). Default reduced for sparse linear, direct for dense or relu.")
    var solver: SolverKind?

    @Option(parsing: .unconditional, help: "Ridge λ_r ≥ 0; 0 gives the minimum-norm interpolator.")
    var ridge: Double = 0

    @Option(help: "Tail-loss estimator: expected (any M) or realized (finite M).")
    var tail: TailEstimator = .expected

    @Option(parsing: .unconditional, help: "Relative singular-value tolerance of the pseudoinverse, in (0, 1). Default max(N, D)·ε_double.")
    var tolerance: Double?

    @Option(parsing: .unconditional, help: "Seed of data, embedding and teacher, an integer in 0…2^64−1.")
    var seed: UInt64 = 0

    @Option(help: "Feature map: linear (f = W x) or relu (f = ReLU(W x), loss by Monte Carlo).")
    var features: FeatureMap = .linear

    @Option(parsing: .unconditional, help: "Step size η > 0 of gd, nesterov, sgd and online. Default 1/λ_max(F Fᵀ/D) from power iteration (sgd: 1/max‖f_d‖²; online: 0.25).")
    var eta: Double?

    @Option(parsing: .unconditional, help: "Decay scale t₀ > 0 of the online solver's step, η_t = η/(1 + t/t₀). Default: constant η.")
    var etaDecay: Double?

    @Option(parsing: .unconditional, help: "Label-noise standard deviation σ ≥ 0: labels y = w*·x + σε, ε ~ N(0, 1). The loss reported is the excess loss; the test loss adds σ². Default 0 (noiseless).")
    var noise: Double = 0

    @Option(parsing: .unconditional, help: "Iterative solvers stop when ‖gradient‖/‖initial gradient‖ falls below this, in (0, 1).")
    var gradientTolerance: Double = 1e-10

    @Option(parsing: .unconditional, help: "Iteration cap of gd and nesterov (epoch cap of sgd), an integer ≥ 1.")
    var maxIterations: Int = 100_000

    @Option(parsing: .unconditional, help: "Minibatch size of sgd, an integer ≥ 1.")
    var batchSize: Int = 32

    @Option(parsing: .unconditional, help: "Fresh test samples for the Monte-Carlo loss of ReLU features, an integer ≥ 2.")
    var testSamples: Int = 4096

    mutating func validate() throws {
        let grid = try sizes()
        _ = try specification(featureCount: grid.featureCounts?.first ?? 1, sampleCount: grid.sampleCounts[0])
    }

    /// The N values (nil when --n is absent) and D values given on the command line.
    func sizes() throws -> (featureCounts: [Int]?, sampleCounts: [Int]) {
        do {
            return (try n.map { try SizeGrid(parsing: $0, parameter: .featureCount).values }, try SizeGrid(parsing: d, parameter: .sampleCount).values)
        } catch let error as ParameterError {
            throw error.usageError
        }
    }

    /// The single (N, D) of a point; a usage error when either is missing or a list.
    func singleSizes() throws -> (n: Int, d: Int) {
        let grid = try sizes()
        guard let ns = grid.featureCounts else { throw ValidationError("missing --n: give the number of features N") }
        guard ns.count == 1 else { throw ValidationError("invalid value '\(n!)' for --n: expected one size here (lists and ranges are for sweep)") }
        guard grid.sampleCounts.count == 1 else { throw ValidationError("invalid value '\(d)' for --d: expected one size here (lists and ranges are for sweep)") }
        return (ns[0], grid.sampleCounts[0])
    }

    /// The validated specification of the point with N features and D samples, every error naming its flag.
    func specification(featureCount: Int, sampleCount: Int) throws -> PointSpecification {
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
                parameters: parameters, featureCount: featureCount, sampleCount: sampleCount, data: data, features: features,
                solver: solver ?? (data == .dense || features == .relu ? .direct : .reduced), ridge: ridge, tail: tail,
                tolerance: tolerance, seed: seed, optimization: optimization, noise: noise)
            try spec.checkSolverCombination()
            try spec.validate()
            return spec
        } catch let error as ParameterError {
            throw error.usageError
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
        if let etaDecay, !(etaDecay > 0 && etaDecay.isFinite) {
            throw ValidationError("invalid value '\(etaDecay)' for --eta-decay: expected a finite number > 0")
        }
        var settings = OptimizationSettings(
            stepSize: eta, gradientTolerance: gradientTolerance, maxIterations: maxIterations,
            batchSize: batchSize, testSamples: testSamples)
        settings.stepDecay = etaDecay
        return settings
    }
}

extension FeatureMap: ExpressibleByArgument {}
extension DataKind: ExpressibleByArgument {}
extension SolverKind: ExpressibleByArgument {}
extension TailEstimator: ExpressibleByArgument {}
