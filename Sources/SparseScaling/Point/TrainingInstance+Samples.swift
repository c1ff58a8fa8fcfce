import LinearAlgebra

extension TrainingInstance {
    /// The instance of `specification` on sparse samples already drawn: their observed embedding
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
