import LinearAlgebra

/// Measures one point of sparse data with linear features and the reduced solver without holding W_S
/// (N × K) or B = W_S R (N × r): B is produced block by block from regenerated embedding columns, with R
/// the sparse factor of A (`EmbeddedFactorBlocks`) or, when that declines (a giant co-activation
/// component, β near 1), the sample columns themselves (`EmbeddedSampleBlocks`); the readout streams
/// (`StreamedReadout`), and so does the observed loss. Peak memory O(N² + K + nnz(A)) when N < r. Same
/// loss as `LinearPointEvaluator` on the same seed, to rounding.
public enum StreamedPointEvaluator {
    /// Whether `PointEvaluator` streams `specification`: every sublinear-sampler point with the reduced
    /// solver, and per-sample points whose W_S and B would together exceed `heldBytesLimit`.
    public static func streams(_ specification: PointSpecification) -> Bool {
        let s = specification
        guard s.data == .sparse, s.features == .linear, s.solver == .reduced, s.estimator == .sample else { return false }
        if s.sampler == .sublinear { return true }
        return 16 * Double(s.featureCount) * MemoryEstimate.observedCoordinatesBound(s) > heldBytesLimit
    }

    /// Whether the sparse factor is expected to decline for data with `parameters`: more than 0.05
    /// active coordinates per sample beyond the first 2048 (its largest hub count) join the rest
    /// into a giant co-activation component (β near 1).
    public static func factorLikelyDeclines(_ parameters: DataParameters) -> Bool {
        let beyond = MemoryEstimate.expectedActivePerSample(parameters)
            - (1...2048).reduce(0.0) { $0 + parameters.activationProbability($1) }
        return beyond > 0.05
    }

    /// Per-sample points hold W_S and B whole below this many bytes (1 GiB).
    public static let heldBytesLimit = Double(1 << 30)

    /// The outcome of `specification` (valid; sparse data, linear features, reduced solver).
    public static func evaluate(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads
    ) throws -> PointOutcome {
        try evaluate(specification, threads: threads, maximumBlockSize: 64, maximumHubCount: 2048)
    }

    /// The outcome, with the sparse factor's limits (`SparseSecondMomentFactor.factor`) given.
    static func evaluate(
        _ specification: PointSpecification, threads: Int, maximumBlockSize: Int, maximumHubCount: Int
    ) throws -> PointOutcome {
        try specification.validate()
        var clock = PhaseClock()
        let spec = specification
        let columns: SparseTrainingSet
        let unstreamed: () -> TrainingInstance
        switch spec.sampler {
        case .sublinear:
            let set = try SublinearTrainingSet(
                sampler: SublinearSampler(parameters: spec.parameters, seed: spec.seed, sampleCount: spec.sampleCount),
                sampleCount: spec.sampleCount, threads: threads)
            columns = set.columns
            unstreamed = { TrainingInstance(spec, samples: .sublinear(set), threads: threads) }
        case .perSample:
            let set = SparseTrainingSet(
                sampler: SparseSampler(parameters: spec.parameters, seed: spec.seed), sampleCount: spec.sampleCount,
                threads: threads)
            columns = set
            unstreamed = { TrainingInstance(spec, samples: .sparse(set), threads: threads) }
        }
        let observed = columns.observed
        let teacher = Teacher(seed: spec.seed).weights(observed)
        let embedding = RandomEmbedding(featureCount: spec.featureCount, seed: spec.seed)
        let solution: ReadoutSolution
        var projections: [Double]?  // W_Sᵀv, when the readout's last pass produced it
        switch SparseSecondMomentFactor.factor(columns, maximumBlockSize: maximumBlockSize, maximumHubCount: maximumHubCount) {
        case .factored(let factor):
            let blocks = EmbeddedFactorBlocks(factor: factor, observed: observed, embedding: embedding, threads: threads)
            (solution, projections) = try StreamedReadout.solveProjecting(
                features: blocks, targets: factor.transposeTimes(teacher), sampleCount: spec.sampleCount,
                ridge: spec.ridge, relativeTolerance: spec.tolerance)
        case .declined where spec.featureCount >= observed.count:
            // N ≥ K ≥ r: W_S (N × K) and the dense factor of A (K × K) are O(N²) anyway.
            let instance = unstreamed()
            let solution = try LinearPointEvaluator.train(instance)
            let outcome = PointOutcome.linear(
                instance: instance, readout: solution.weights, rank: solution.rank, clock: &clock, threads: threads)
            try outcome.checkFinite(spec)
            return outcome
        case .declined:
            let blocks = EmbeddedSampleBlocks(samples: columns, embedding: embedding, threads: threads)
            solution = try StreamedReadout.solve(
                features: blocks, targets: blocks.transposeTimes(teacher), sampleCount: spec.sampleCount,
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
        let outcome = PointOutcome(
            loss: LossParts(observed: observedLoss, tail: tail), observedCoordinates: observed.count,
            rank: solution.rank, seconds: clock.lap(), readout: solution.weights)
        try outcome.checkFinite(spec)
        return outcome
    }
}

