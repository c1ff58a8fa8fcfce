/// Measures one point with whatever features and solver its specification names.
public enum PointEvaluator {
    /// The outcome of `specification`; throws `NonFiniteLoss` rather than return a loss that is not finite.
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try specification.validate()
        try specification.checkSolverCombination()
        try specification.checkEstimatorCombination()
        let outcome: PointOutcome
        if specification.estimator == .conditional {
            return try ConditionalPointEvaluator.evaluate(specification, threads: threads)
        }
        switch (specification.features, specification.solver) {
        case (.linear, .reduced) where StreamedPointEvaluator.streams(specification):
            outcome = try StreamedPointEvaluator.evaluate(specification, threads: threads)
        case (.linear, .reduced), (.linear, .direct):
            outcome = try LinearPointEvaluator.evaluate(specification, threads: threads)
        case (.linear, .gd), (.linear, .nesterov), (.linear, .sgd):
            outcome = try IterativePointEvaluator.evaluate(specification, threads: threads).outcome
        case (.relu, .direct), (.relu, .nesterov), (.relu, .gd), (.relu, .sgd):
            outcome = try ReLUPointEvaluator.evaluate(specification, threads: threads)
        case (.linear, .online):
            outcome = try OnlinePointEvaluator.evaluate(specification).outcome
        case (.relu, .reduced), (.relu, .online):
            preconditionFailure("checkSolverCombination refuses the reduced and online solvers with ReLU features")
        }
        // No NaN or inf is ever reported or stored.
        try outcome.checkFinite(specification)
        return outcome
    }
}
