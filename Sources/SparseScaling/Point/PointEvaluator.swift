/// Measures one point with whatever features and solver its specification names.
public enum PointEvaluator {
    /// The outcome of `specification`.
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try specification.validate()
        try specification.checkSolverCombination()
        switch (specification.features, specification.solver) {
        case (.linear, .reduced), (.linear, .direct):
            return try LinearPointEvaluator.evaluate(specification, threads: threads)
        case (.linear, .gd), (.linear, .nesterov), (.linear, .sgd):
            return try IterativePointEvaluator.evaluate(specification, threads: threads).outcome
        case (.relu, .direct), (.relu, .nesterov), (.relu, .gd), (.relu, .sgd):
            return try ReLUPointEvaluator.evaluate(specification, threads: threads)
        case (.linear, .online):
            return try OnlinePointEvaluator.evaluate(specification).outcome
        case (.relu, .reduced), (.relu, .online):
            preconditionFailure("checkSolverCombination refuses the reduced and online solvers with ReLU features")
        }
    }
}
