/// Measures one point with whatever features and solver its specification names.
public enum PointEvaluator {
    /// The outcome of `specification`.
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try specification.validate()
        switch (specification.features, specification.solver) {
        case (.linear, .reduced), (.linear, .direct):
            return try LinearPointEvaluator.evaluate(specification, threads: threads)
        default:
            throw ParameterError.invalid(
                flag: "--solver", value: specification.solver.rawValue,
                allowed: "reduced or direct with linear features (iterative solvers and ReLU features are not available yet)")
        }
    }
}
