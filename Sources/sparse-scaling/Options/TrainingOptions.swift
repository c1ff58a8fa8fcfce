import ArgumentParser
import SparseScaling

/// The flags of the iterative solvers and of the Monte-Carlo loss (`point`, `sweep`); each is refused
/// when the chosen solver or feature map does not use it.
struct TrainingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Step size η > 0 of gd, nesterov, sgd and online. Default 1/λ_max(F Fᵀ/D) from power iteration (sgd: 1/max‖f_d‖²; online: 0.25).",
            transform: NumberArgument.real(expected: "a finite number > 0"))
    var eta: Double?

    @Option(parsing: .unconditional, help: "Decay scale t₀ > 0 of the online solver's step, η_t = η/(1 + t/t₀). Default: constant η.",
            transform: NumberArgument.real(expected: "a finite number > 0"))
    var etaDecay: Double?

    @Option(parsing: .unconditional, help: "gd, nesterov and sgd stop when ‖gradient‖/‖initial gradient‖ falls below this, in (0, 1). Default 1e-10.",
            transform: NumberArgument.real(expected: "a number in (0, 1)"))
    var gradientTolerance: Double?

    @Option(parsing: .unconditional, help: "Iteration cap of gd and nesterov (epoch cap of sgd), an integer from 1 to 10000000. Default 100000.",
            transform: NumberArgument.whole(in: 1...OptimizationSettings.maxIterationCap, expected: "an integer from 1 to 10000000"))
    var maxIterations: Int?

    @Option(parsing: .unconditional, help: "Minibatch size of sgd, an integer ≥ 1. Default 32.",
            transform: NumberArgument.whole(in: 1...Int.max, expected: "an integer ≥ 1"))
    var batchSize: Int?

    @Option(parsing: .unconditional, help: "Fresh test samples for the Monte-Carlo loss of ReLU features, an integer from 2 to 100000000. Default 4096.",
            transform: NumberArgument.whole(in: 2...OptimizationSettings.maxTestSamples, expected: "an integer from 2 to 100000000"))
    var testSamples: Int?

    /// The settings for `solver` and `features`, each checked against its range; a flag the solver or
    /// feature map does not use is a usage error.
    func settings(solver: SolverKind, features: FeatureMap) throws -> OptimizationSettings {
        if !solver.isIterative {
            let flags = solver == .online
                ? [("--gradient-tolerance", gradientTolerance != nil), ("--max-iterations", maxIterations != nil)]
                : [("--eta", eta != nil), ("--gradient-tolerance", gradientTolerance != nil), ("--max-iterations", maxIterations != nil)]
            for (flag, given) in flags where given {
                throw ValidationError("\(flag) has no effect with --solver \(solver.rawValue): it is for "
                    + (flag == "--eta" ? "gd, nesterov, sgd and online" : "the iterative solvers gd, nesterov and sgd"))
            }
        }
        if etaDecay != nil, solver != .online {
            throw ValidationError("--eta-decay has no effect with --solver \(solver.rawValue): it is for online")
        }
        if batchSize != nil, solver != .sgd {
            throw ValidationError("--batch-size has no effect with --solver \(solver.rawValue): it is for sgd")
        }
        if testSamples != nil, features != .relu {
            throw ValidationError("--test-samples has no effect with --features \(features.rawValue): it is for the Monte-Carlo loss of relu")
        }
        if let eta, !(eta > 0 && eta.isFinite) {
            throw ValidationError("invalid value '\(eta)' for --eta: expected a finite number > 0")
        }
        if let etaDecay, !(etaDecay > 0 && etaDecay.isFinite) {
            throw ValidationError("invalid value '\(etaDecay)' for --eta-decay: expected a finite number > 0")
        }
        let defaults = OptimizationSettings()
        let tolerance = gradientTolerance ?? defaults.gradientTolerance
        guard tolerance > 0, tolerance < 1 else {
            throw ValidationError("invalid value '\(tolerance)' for --gradient-tolerance: expected a number in (0, 1)")
        }
        var settings = OptimizationSettings(
            stepSize: eta, gradientTolerance: tolerance, maxIterations: maxIterations ?? defaults.maxIterations,
            batchSize: batchSize ?? defaults.batchSize, testSamples: testSamples ?? defaults.testSamples)
        settings.stepDecay = etaDecay
        return settings
    }
}
