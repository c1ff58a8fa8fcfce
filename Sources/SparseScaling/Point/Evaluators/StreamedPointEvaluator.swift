import LinearAlgebra

/// Measures one point of sparse data with linear features and the reduced solver without holding W_S
/// (N × K) or B = W_S R (N × r): B is produced block by block from regenerated embedding columns, with R
/// the sparse factor of A (`EmbeddedFactorBlocks`) or, when that declines (a giant co-activation
/// component, β near 1), the sample columns themselves (`EmbeddedSampleBlocks`); the readout streams
/// (`StreamedReadout`), and so does the observed loss. Peak memory O(N² + K + nnz(A)) when N < r. Same
/// loss as `LinearPointEvaluator` on the same seed, to rounding.
public enum StreamedPointEvaluator {
    /// Whether the sparse factor is expected to decline for data with `parameters`: more than 0.05
    /// active coordinates per sample beyond the first 2048 (its largest hub count) join the rest
    /// into a giant co-activation component (β near 1).
    public static func factorLikelyDeclines(_ parameters: DataParameters) -> Bool {
        let beyond = MemoryEstimate.expectedActivePerSample(parameters)
            - (1...2048).reduce(0.0) { $0 + parameters.activationProbability($1) }
        return beyond > 0.05
    }

    /// The outcome of `plan` (route `reducedStreamed`).
    public static func evaluate(_ plan: PointPlan, threads: Int = ParallelChunks.defaultThreads) throws -> PointOutcome {
        try evaluate(plan, threads: threads, maximumBlockSize: 64, maximumHubCount: 2048)
    }

    /// The outcome, with the sparse factor's limits (`SparseSecondMomentFactor.factor`) given. Label noise
    /// enters as σz on the targets of whichever factor streams (`LabelNoise.noisyTargets`), as in memory.
    static func evaluate(
        _ plan: PointPlan, threads: Int, maximumBlockSize: Int, maximumHubCount: Int
    ) throws -> PointOutcome {
        precondition(plan.route == .reducedStreamed, "StreamedPointEvaluator runs the streamed reduced route")
        var clock = PhaseClock()
        let spec = plan.specification
        let samples = try TrainingInstance.Samples.draw(spec, threads: threads)
        guard let columns = samples.sparseColumns else {
            preconditionFailure("PointPlan streams sparse data only")
        }
        let noise = plan.labelNoise
        let observed = columns.observed
        let teacher = Teacher(seed: spec.seed).weights(observed)
        let embedding = RandomEmbedding(featureCount: spec.featureCount, seed: spec.seed)
        let solution: ReadoutSolution
        var projections: [Double]?  // W_Sᵀv, when the readout's last pass produced it
        switch SparseSecondMomentFactor.factor(columns, maximumBlockSize: maximumBlockSize, maximumHubCount: maximumHubCount) {
        case .factored(let factor):
            let blocks = EmbeddedFactorBlocks(factor: factor, observed: observed, embedding: embedding, threads: threads)
            (solution, projections) = try StreamedReadout.solveProjecting(
                features: blocks, targets: noise.noisyTargets(factor.transposeTimes(teacher)), sampleCount: spec.sampleCount,
                ridge: spec.ridge, relativeTolerance: spec.tolerance)
        case .declined where spec.featureCount >= observed.count:
            // N ≥ K ≥ r: W_S (N × K) and the dense factor of A (K × K) are O(N²) anyway.
            let instance = TrainingInstance(spec, samples: samples, threads: threads)
            let solution = try LinearPointEvaluator.reducedSolver(plan).solve(
                secondMoment: instance.secondMoment(), embedding: instance.embedding, teacher: instance.teacher,
                sampleCount: spec.sampleCount)
            return PointOutcome.linear(
                instance: instance, readout: solution.weights, rank: solution.rank, clock: &clock, threads: threads)
        case .declined:
            let blocks = EmbeddedSampleBlocks(samples: columns, embedding: embedding, threads: threads)
            solution = try StreamedReadout.solve(
                features: blocks, targets: noise.noisyTargets(blocks.transposeTimes(teacher)), sampleCount: spec.sampleCount,
                ridge: spec.ridge, relativeTolerance: spec.tolerance)
        }
        let observedLoss = projections.map {
            PopulationLoss.observedPart(parameters: spec.parameters, coordinates: observed, projections: $0, teacher: teacher)
        } ?? PopulationLoss.observedPart(
            parameters: spec.parameters, coordinates: observed, embedding: embedding, teacher: teacher,
            readout: solution.weights, threads: threads)
        let tail = PopulationLoss.tail(
            spec.tail, parameters: spec.parameters, observed: observed, readout: solution.weights, seed: spec.seed,
            threads: threads)
        return PointOutcome(
            loss: LossParts(observed: observedLoss, tail: tail), observedCoordinates: observed.count,
            rank: solution.rank, seconds: clock.lap(), readout: solution.weights,
            labelNoiseVariance: spec.labelNoiseVariance)
    }
}
