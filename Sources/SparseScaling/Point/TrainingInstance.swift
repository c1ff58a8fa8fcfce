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
        /// Sparse data drawn by the sublinear sampler: equivalent columns with the samples' A and S, not
        /// the samples themselves.
        case sublinear(SublinearTrainingSet)

        /// The samples on S, sparse or dense.
        var observedSet: any ObservedSamples {
            switch self {
            case let .sparse(set): return set
            case let .dense(set): return set
            case let .sublinear(set): return set.columns
            }
        }
    }

    /// The training samples.
    public let samples: Samples
    /// The observed coordinates S, ascending (all of 1…M for dense data).
    public let observed: [Int]
    /// W_S: the embedding columns of the observed coordinates (N × K).
    public let embedding: Matrix
    /// w*_S: the teacher weights of the observed coordinates.
    public let teacher: [Double]

    /// Draws the samples (sparse data with the specification's sampler), the observed embedding columns and teacher weights of `specification`.
    public init(_ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads) throws {
        self.init(specification, samples: try Samples.draw(specification, threads: threads), threads: threads)
    }

    /// K = |S|.
    public var observedCount: Int { observed.count }

    /// The sparse samples (sparse data), or nil for dense data.
    public var sparseSamples: SparseTrainingSet? {
        if case let .sparse(set) = samples { return set }
        return nil
    }

    /// A = X_S X_Sᵀ (K × K).
    public func secondMoment() -> Matrix { samples.observedSet.secondMoment() }

    /// X_S as a dense K × D matrix.
    public func observedSamples() -> Matrix { samples.observedSet.denseObserved() }

    /// The label noise of this instance's seed and σ.
    public var labelNoise: LabelNoise { LabelNoise(scale: specification.labelNoise, seed: specification.seed) }

    /// The training labels y = w*_Sᵀ X_S + σε (length D): `labels()` itself when σ = 0.
    public func noisyLabels() -> [Double] { labelNoise.noisy(labels: labels()) }

    /// The noiseless training labels y = w*_Sᵀ X_S (length D).
    public func labels() -> [Double] { samples.observedSet.labels(weights: teacher) }

    /// The ReLU training features F = ReLU(W_S X_S) (N × D).
    public func reluFeatures() -> Matrix {
        switch samples {
        case let .sparse(set): return ReLUFeatures.trainingFeatures(embedding: embedding, samples: set)
        case let .dense(set): return ReLUFeatures.trainingFeatures(embedding: embedding, denseSamples: set.samples)
        case .sublinear:
            preconditionFailure("checkSolverCombination refuses ReLU features with the sublinear sampler")
        }
    }
}

extension TrainingInstance.Samples {
    /// Draws the training data of `specification` with its data kind and sampler: the one factory that
    /// every route draws its data from.
    static func draw(_ specification: PointSpecification, threads: Int) throws -> Self {
        let (parameters, seed, count) = (specification.parameters, specification.seed, specification.sampleCount)
        switch specification.data {
        case .sparse where specification.sampler == .sublinear:
            return .sublinear(try SublinearTrainingSet(
                sampler: SublinearSampler(parameters: parameters, seed: seed, sampleCount: count),
                sampleCount: count, threads: threads))
        case .sparse:
            return .sparse(SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: seed), sampleCount: count, threads: threads))
        case .dense:
            return .dense(DenseTrainingSet(sampler: DenseSampler(parameters: parameters, seed: seed), sampleCount: count, threads: threads))
        }
    }

    /// Sparse columns X with X Xᵀ = A (the samples, or the sublinear sampler's equivalent columns); nil
    /// for dense data.
    var sparseColumns: SparseTrainingSet? {
        switch self {
        case let .sparse(set): return set
        case let .sublinear(set): return set.columns
        case .dense: return nil
        }
    }
}

extension TrainingInstance {
    /// The instance of `specification` on samples already drawn: their observed embedding
    /// columns and teacher weights.
    init(_ specification: PointSpecification, samples: Samples, threads: Int) {
        self.specification = specification
        self.samples = samples
        observed = samples.observedSet.observed
        embedding = RandomEmbedding(featureCount: specification.featureCount, seed: specification.seed)
            .columns(observed, threads: threads)
        teacher = Teacher(seed: specification.seed).weights(observed)
    }
}
