import LinearAlgebra

/// One realized training problem of a point: the samples (sparse or dense), the observed
/// coordinates S, and the embedding columns and teacher weights on S.
public struct TrainingInstance: Sendable {
    /// The point this instance realizes.
    public let specification: PointSpecification
    /// Sparse samples (sparse data), or nil. Under the sublinear sampler, the equivalent columns of
    /// `SublinearTrainingSet` (same A and S; not the samples themselves).
    public let sparseSamples: SparseTrainingSet?
    /// Which sampler drew the sparse data.
    public let sampler: SamplerVersion
    /// Dense samples (dense data), or nil.
    public let denseSamples: DenseTrainingSet?
    /// The observed coordinates S, ascending (all of 1…M for dense data).
    public let observed: [Int]
    /// W_S: the embedding columns of the observed coordinates (N × K).
    public let embedding: Matrix
    /// w*_S: the teacher weights of the observed coordinates.
    public let teacher: [Double]

    /// Draws the samples (sparse data with `sampler`), the observed embedding columns and teacher
    /// weights of `specification`.
    public init(
        _ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads,
        sampler: SamplerVersion = .perSample
    ) {
        self.specification = specification
        self.sampler = specification.data == .sparse ? sampler : .perSample
        let seed = specification.seed
        switch specification.data {
        case .sparse where sampler == .sublinear:
            let set = SublinearTrainingSet(
                sampler: SublinearSampler(
                    parameters: specification.parameters, seed: seed, sampleCount: specification.sampleCount),
                sampleCount: specification.sampleCount, threads: threads)
            sparseSamples = set.columns
            denseSamples = nil
            observed = set.observed
        case .sparse:
            let set = SparseTrainingSet(
                sampler: SparseSampler(parameters: specification.parameters, seed: seed),
                sampleCount: specification.sampleCount, threads: threads)
            sparseSamples = set
            denseSamples = nil
            observed = set.observed
        case .dense:
            let set = DenseTrainingSet(
                sampler: DenseSampler(parameters: specification.parameters, seed: seed),
                sampleCount: specification.sampleCount, threads: threads)
            sparseSamples = nil
            denseSamples = set
            observed = set.observed
        }
        embedding = RandomEmbedding(featureCount: specification.featureCount, seed: seed)
            .columns(observed, threads: threads)
        teacher = Teacher(seed: seed).weights(observed)
    }

    /// K = |S|.
    public var observedCount: Int { observed.count }

    /// A = X_S X_Sᵀ (K × K).
    public func secondMoment() -> Matrix {
        if let sparseSamples { return sparseSamples.secondMoment() }
        return BLAS.gram(denseSamples!.samples)
    }

    /// X_S as a dense K × D matrix.
    public func observedSamples() -> Matrix {
        if let sparseSamples { return sparseSamples.denseObserved() }
        return denseSamples!.samples
    }

    /// The training labels y = w*_Sᵀ X_S (length D).
    public func labels() -> [Double] {
        if let sparseSamples { return sparseSamples.labels(weights: teacher) }
        return BLAS.multiply(denseSamples!.samples, teacher, trans: .transposed)
    }
}
