import ArgumentParser
import SparseScaling

/// The flags that define one point, shared by `point`, `export` and `sweep` (each command adds its
/// own seed flags, and `point` and `sweep` add the training flags).
struct PointOptions: ParsableArguments {
    @OptionGroup var exponents: ExponentOptions<ModelExponents>
    var alpha: Double { exponents.alpha }
    var beta: Double { exponents.beta }

    @Option(parsing: .unconditional, help: "Number of random features N (model size), an integer from 1 to 1e15 (1e6 allowed).")
    var n: String?

    @Option(parsing: .unconditional, help: "Number of training samples D (data size), an integer from 1 to 1e15 (1e6 allowed).")
    var d: String

    @Option(parsing: .unconditional, help: "Input dimension M: an integer ≥ 1 or 'inf' (sparse data with β > 1 only). Default inf (sparse), 8192 (dense).")
    var m: String?

    @Option(help: "Data distribution: sparse (the paper's model) or dense (Gaussian baseline).")
    var data: DataKind = .sparse

    @Option(help: "Solver: reduced (exact, cost independent of D and M), direct (dense pseudoinverse), iterative gd, nesterov, sgd, or online (one-pass SGD: each of the D samples used once, D = steps; sparse linear only). Default reduced for sparse linear, direct for dense or relu.")
    var solver: SolverKind?

    @Option(parsing: .unconditional, help: "Ridge λ_r ≥ 0; 0 gives the minimum-norm interpolator. Default 0.",
            transform: NumberArgument.real(expected: "a finite number ≥ 0"))
    var ridge: Double = 0

    @Option(help: "Tail-loss estimator of linear features: expected (any M) or realized (finite M). Default expected.")
    var tail: TailEstimator?

    @Option(help: "Loss estimator: sample (one draw of embedding and teacher) or conditional (E[L | data], exact for N ≥ r + 2, no embedding or readout; sparse linear reduced only; falls back to sample below and says so). Default sample.")
    var estimator: LossEstimator = .sample

    @Option(parsing: .unconditional, help: "Relative singular-value tolerance of the pseudoinverse (exact solvers), in (0, 1). Default max(N, D)·ε_double.",
            transform: NumberArgument.real(expected: "a number in (0, 1)"))
    var tolerance: Double?

    @Option(help: "Feature map: linear (f = W x) or relu (f = ReLU(W x), loss by Monte Carlo).")
    var features: FeatureMap = .linear

    @Option(help: "Sampler of sparse data: per-sample (every sample drawn) or sublinear (exact in law, only samples touching a non-hub coordinate drawn; sparse linear reduced only, much faster at large D).")
    var sampler: SamplerVersion = .perSample
    @Option(parsing: .unconditional, help: "Label-noise standard deviation σ ≥ 0: labels y = w*·x + σε, ε ~ N(0, 1). The loss reported is the excess loss; the test loss adds σ². Default 0 (noiseless).",
            transform: NumberArgument.real(expected: "a finite number ≥ 0"))
    var noise: Double = 0

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

    /// The solver used: the one given, else the default for the data and features.
    var effectiveSolver: SolverKind { solver ?? (data == .dense || features == .relu ? .direct : .reduced) }

    /// The validated specification of the point with N features and D samples, every error naming
    /// its flag; `training` holds the training flags of commands that have them.
    func specification(
        featureCount: Int, sampleCount: Int, seed: UInt64 = 0, training: TrainingOptions? = nil
    ) throws -> PointSpecification {
        do {
            let dimension: InputDimension
            if let m {
                guard NumberArgument.isDecimal(m) || ["inf", "infinity", "∞"].contains(m.lowercased()),
                      let parsed = InputDimension(parsing: m)
                else {
                    throw ValidationError("invalid value '\(m)' for --m: expected an integer ≥ 1 or 'inf'")
                }
                dimension = parsed
            } else {
                dimension = data == .dense ? .finite(8192) : .infinite
            }
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: dimension)
            let solver = effectiveSolver
            // A flag given without effect (the library refuses only values that differ from the default).
            if tail != nil, features == .relu {
                throw ValidationError("--tail has no effect with --features relu: its Monte-Carlo loss is not split into observed and tail parts")
            }
            let optimization = try training?.settings(solver: solver, features: features) ?? OptimizationSettings()
            let spec = PointSpecification(
                parameters: parameters, featureCount: featureCount, sampleCount: sampleCount, data: data, features: features,
                solver: solver, ridge: ridge, tail: tail ?? .expected,
                tolerance: tolerance, seed: seed, optimization: optimization, sampler: sampler, labelNoise: noise)
            var specified = spec
            specified.estimator = estimator
            _ = try PointPlan(specified)
            return specified
        } catch let error as ParameterError {
            throw error.usageError
        }
    }
}

extension FeatureMap: ExpressibleByArgument {}
extension DataKind: ExpressibleByArgument {}
extension SolverKind: ExpressibleByArgument {}
extension SamplerVersion: ExpressibleByArgument {}
extension TailEstimator: ExpressibleByArgument {}
extension LossEstimator: ExpressibleByArgument {}
