/// Measures one point with whatever features and solver its specification names.
public enum PointEvaluator {
    /// The outcome of `specification`; throws `NonFiniteLoss` rather than return a loss that is not finite.
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try specification.validate()
        let iterative: Set<SolverKind> = [.gd, .nesterov, .sgd]
        if iterative.contains(specification.solver), specification.ridge != 0 {
            throw ParameterError.invalid(
                flag: "--ridge", value: "\(specification.ridge)",
                allowed: "0 with the iterative solvers gd, nesterov and sgd (they train the ridgeless objective)")
        }
        let outcome: PointOutcome
        switch (specification.features, specification.solver) {
        case (.linear, .reduced), (.linear, .direct):
            outcome = try LinearPointEvaluator.evaluate(specification, threads: threads)
        case (.linear, .gd), (.linear, .nesterov), (.linear, .sgd):
            outcome = try IterativePointEvaluator.evaluate(specification, threads: threads).outcome
        case (.relu, .direct), (.relu, .nesterov), (.relu, .gd), (.relu, .sgd):
            outcome = try ReLUPointEvaluator.evaluate(specification, threads: threads)
        case (.relu, .reduced):
            throw ParameterError.invalid(
                flag: "--solver", value: "reduced",
                allowed: "direct (pseudoinverse), nesterov, gd or sgd with --features relu (ReLU features do not reduce)")
        }
        // No NaN or inf is ever reported or stored.
        try outcome.checkFinite(specification)
        return outcome
    }
}
