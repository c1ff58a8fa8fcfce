/// Measures one point with the conditional estimator: draws the training set only, and reports
/// E[L | data] = (T + G₀)(N − 1)/(N − 1 − r) (MODEL.md §6.1; with label noise σ the excess loss of
/// `ConditionalNoiseTraces`) when N ≥ r + 2; otherwise trains the
/// readout of the same seed as `LinearPointEvaluator` does and says so (`PointOutcome.estimator`).
public enum ConditionalPointEvaluator {
    /// The outcome of `specification` (sparse data, linear features, reduced solver, estimator conditional).
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try specification.validate()
        try specification.checkEstimatorCombination()
        var clock = PhaseClock()
        // The specification's sampler: the sublinear one keeps equivalent columns with the samples' A and S,
        // which is all E[L | data] needs.
        let samples: SparseTrainingSet
        if specification.sampler == .sublinear {
            samples = try SublinearTrainingSet(
                sampler: SublinearSampler(parameters: specification.parameters, seed: specification.seed,
                                          sampleCount: specification.sampleCount),
                sampleCount: specification.sampleCount, threads: threads).columns
        } else {
            samples = SparseTrainingSet(
                sampler: SparseSampler(parameters: specification.parameters, seed: specification.seed),
                sampleCount: specification.sampleCount, threads: threads)
        }
        let parts = try ConditionalLoss(samples: samples, parameters: specification.parameters)
        let n = specification.featureCount
        guard parts.mean(modelSize: n) != nil else {
            var outcome = try LinearPointEvaluator.evaluate(specification, threads: threads)
            outcome.estimator = .sample
            return outcome
        }
        let variance = specification.noise * specification.noise
        var factor = Double(n - 1) / Double(n - 1 - parts.rank)
        var rangeError = 0.0
        if variance != 0 {
            // Label noise: ‖v‖² grows by σ² tr A⁺ and the range of A is fitted to the noise (ConditionalNoiseTraces).
            let traces = try ConditionalNoiseTraces(samples: samples, parameters: specification.parameters)
            if let noisy = traces.massFactor(modelSize: n, noiseVariance: variance) { factor = noisy }
            rangeError = variance * traces.weightedInverseDiagonal
        }
        var outcome = PointOutcome(
            loss: LossParts(observed: parts.nullMass * factor + rangeError, tail: parts.unobservedMass * factor),
            observedCoordinates: parts.observedCount, rank: parts.rank, seconds: clock.lap(), readout: [],
            noiseVariance: variance)
        outcome.estimator = .conditional
        try outcome.checkFinite(specification)
        return outcome
    }
}
