import LinearAlgebra

/// One realized training problem of a point: the samples (sparse or dense), the observed
/// coordinates S, and the embedding columns and teacher weights on S.
public struct TrainingInstance: Sendable {
    /// The point this instance realizes.
    public let specification: PointSpecification
    /// Sparse samples (sparse data), or nil.
    public let sparseSamples: SparseTrainingSet?
    /// Dense samples (dense data), or nil.
    public let denseSamples: DenseTrainingSet?
    /// The observed coordinates S, ascending (all of 1…M for dense data).
    public let observed: [Int]
    /// W_S: the embedding columns of the observed coordinates (N × K).
    public let embedding: Matrix
    /// w*_S: the teacher weights of the observed coordinates.
    public let teacher: [Double]

    /// Draws the samples, the observed embedding columns and teacher weights of `specification`.
    public init(_ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads) {
        self.specification = specification
        let seed = specification.seed
        switch specification.data {
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

    /// The label noise of this instance's seed and σ.
    public var labelNoise: LabelNoise { LabelNoise(scale: specification.noise, seed: specification.seed) }

    /// The training labels y = w*_Sᵀ X_S + σε (length D): `labels()` itself when σ = 0.
    public func noisyLabels() -> [Double] { labelNoise.noisy(labels: labels()) }

    /// The noiseless training labels y = w*_Sᵀ X_S (length D).
    public func labels() -> [Double] {
        if let sparseSamples { return sparseSamples.labels(weights: teacher) }
        return BLAS.multiply(denseSamples!.samples, teacher, trans: .transposed)
    }
}
