import LinearAlgebra

/// One realized training problem of a point: the samples (sparse or dense), the observed
/// coordinates S, and the embedding columns and teacher weights on S.
public struct TrainingInstance: Sendable {
    /// The point this instance realizes.
    public let specification: PointSpecification
    /// The training samples, as the data kind stores them.
    public enum Samples: Sendable {
        /// Sparse samples, stored by their active entries on the observed set.
        case sparse(SparseTrainingSet)
        /// Dense samples, the M × D matrix.
        case dense(DenseTrainingSet)
    }

    /// The training samples.
    public let samples: Samples
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
            samples = .sparse(set)
            observed = set.observed
        case .dense:
            let set = DenseTrainingSet(
                sampler: DenseSampler(parameters: specification.parameters, seed: seed),
                sampleCount: specification.sampleCount, threads: threads)
            samples = .dense(set)
            observed = set.observed
        }
        embedding = RandomEmbedding(featureCount: specification.featureCount, seed: seed)
            .columns(observed, threads: threads)
        teacher = Teacher(seed: seed).weights(observed)
    }

    /// K = |S|.
    public var observedCount: Int { observed.count }

    /// The sparse samples (sparse data), or nil for dense data.
    public var sparseSamples: SparseTrainingSet? {
        if case let .sparse(set) = samples { return set }
        return nil
    }

    /// A = X_S X_Sᵀ (K × K).
    public func secondMoment() -> Matrix {
        switch samples {
        case let .sparse(set): return set.secondMoment()
        case let .dense(set): return BLAS.gram(set.samples)
        }
    }

    /// X_S as a dense K × D matrix.
    public func observedSamples() -> Matrix {
        switch samples {
        case let .sparse(set): return set.denseObserved()
        case let .dense(set): return set.samples
        }
    }

    /// The training labels y = w*_Sᵀ X_S (length D).
    public func labels() -> [Double] {
        switch samples {
        case let .sparse(set): return set.labels(weights: teacher)
        case let .dense(set): return BLAS.multiply(set.samples, teacher, trans: .transposed)
        }
    }

    /// The ReLU training features F = ReLU(W_S X_S) (N × D).
    public func reluFeatures() -> Matrix {
        switch samples {
        case let .sparse(set): return ReLUFeatures.trainingFeatures(embedding: embedding, samples: set)
        case let .dense(set): return ReLUFeatures.trainingFeatures(embedding: embedding, denseSamples: set.samples)
        }
    }
}
