/// Measures one point with the conditional estimator: draws the training set only, and reports
/// E[L | data] = (T + G₀)(N − 1)/(N − 1 − r) (docs/theory.md §6.1; with label noise σ the excess loss of
/// `ConditionalNoiseTraces`) when N ≥ r + 2; otherwise trains the
/// readout of the same seed as `LinearPointEvaluator` does and says so (`PointOutcome.estimator`).
public enum ConditionalPointEvaluator {
    /// The outcome of `plan` (route `conditional`).
    public static func evaluate(_ plan: PointPlan, threads: Int = ParallelChunks.defaultThreads) throws -> PointOutcome {
        precondition(plan.route == .conditional, "ConditionalPointEvaluator runs the conditional route")
        let specification = plan.specification
        var clock = PhaseClock()
        // The specification's sampler: the sublinear one keeps equivalent columns with the samples' A and S,
        // which is all E[L | data] needs.
        guard let samples = try TrainingInstance.Samples.draw(specification, threads: threads).sparseColumns else {
            preconditionFailure("checkEstimatorCombination refuses the conditional estimator on dense data")
        }
        let parts = try ConditionalLoss(samples: samples, parameters: specification.parameters)
        let n = specification.featureCount
        guard parts.mean(featureCount: n) != nil else {
            // N < r + 2: one draw of the same seed, along the route a sample-estimator point takes.
            var drawn = specification
            drawn.estimator = .sample
            var outcome = try PointEvaluator.evaluate(PointPlan(drawn), threads: threads)
            outcome.estimator = .sample
            return outcome
        }
        let variance = specification.labelNoiseVariance
        var factor = Double(n - 1) / Double(n - 1 - parts.rank)
        var rangeError = 0.0
        if variance != 0 {
            // Label noise: ‖v‖² grows by σ² tr A⁺ and the range of A is fitted to the noise (ConditionalNoiseTraces).
            let traces = try ConditionalNoiseTraces(samples: samples, parameters: specification.parameters)
            if let noisy = traces.massFactor(featureCount: n, labelNoiseVariance: variance) { factor = noisy }
            rangeError = variance * traces.weightedInverseDiagonal
        }
        var outcome = PointOutcome(
            loss: LossParts(observed: parts.nullMass * factor + rangeError, tail: parts.unobservedMass * factor),
            observedCoordinates: parts.observedCount, rank: parts.rank, seconds: clock.lap(), readout: [],
            labelNoiseVariance: variance)
        outcome.estimator = .conditional
        return outcome
    }
}
