/// Measures one point along the route its plan chose: the one dispatch from a point to its evaluator.
public enum PointEvaluator {
    /// The outcome of `specification`, planned with `streamingBytes` as the streaming threshold; throws
    /// a `ParameterError` before any work for a point that cannot be computed, and `NonFiniteLoss` rather
    /// than return a loss that is not finite.
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads,
        streamingBytes: Double = PointPlan.defaultStreamingBytes
    ) throws -> PointOutcome {
        try evaluate(PointPlan(specification, streamingBytes: streamingBytes), threads: threads)
    }

    /// The outcome of `plan`.
    public static func evaluate(_ plan: PointPlan, threads: Int = ParallelChunks.defaultThreads) throws -> PointOutcome {
        let outcome: PointOutcome
        switch plan.route {
        case .reducedInMemory, .direct:
            outcome = try LinearPointEvaluator.evaluate(plan, threads: threads)
        case .reducedStreamed:
            outcome = try StreamedPointEvaluator.evaluate(plan, threads: threads)
        case .conditional:
            outcome = try ConditionalPointEvaluator.evaluate(plan, threads: threads)
        case .reducedIterative, .sampleSGD:
            outcome = try IterativePointEvaluator.evaluate(plan, threads: threads).outcome
        case .online:
            outcome = try OnlinePointEvaluator.evaluate(plan).outcome
        case .relu:
            outcome = try ReLUPointEvaluator.evaluate(plan, threads: threads)
        }
        // No NaN or inf is ever reported or stored.
        try outcome.checkFinite(plan.specification)
        return outcome
    }
}
