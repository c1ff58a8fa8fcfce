/// Measures one point with the conditional estimator: draws the training set only, and reports
/// E[L | data] = (T + G₀)(N − 1)/(N − 1 − r) (MODEL.md §6.1) when N ≥ r + 2; otherwise trains the
/// readout of the same seed as `LinearPointEvaluator` does and says so (`PointOutcome.estimator`).
public enum ConditionalPointEvaluator {
    /// The outcome of `specification` (sparse data, linear features, reduced solver, estimator conditional).
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try specification.validate()
        try specification.checkEstimatorCombination()
        var clock = PhaseClock()
        let samples = SparseTrainingSet(
            sampler: SparseSampler(parameters: specification.parameters, seed: specification.seed),
            sampleCount: specification.sampleCount, threads: threads)
        let parts = try ConditionalLoss(samples: samples, parameters: specification.parameters)
        let n = specification.featureCount
        guard parts.mean(modelSize: n) != nil else {
            var outcome = try LinearPointEvaluator.evaluate(specification, threads: threads)
            outcome.estimator = .sample
            return outcome
        }
        let factor = Double(n - 1) / Double(n - 1 - parts.rank)
        var outcome = PointOutcome(
            loss: LossParts(observed: parts.nullMass * factor, tail: parts.unobservedMass * factor),
            observedCoordinates: parts.observedCount, rank: parts.rank, seconds: clock.lap(), readout: [])
        outcome.estimator = .conditional
        try outcome.checkFinite(specification)
        return outcome
    }
}
