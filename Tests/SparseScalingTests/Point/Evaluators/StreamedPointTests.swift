import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// The streamed point (B = W_S R block by block from regenerated embedding columns, never held) against
/// the unstreamed one on the same seed, and against a dense pseudoinverse.
@Suite struct StreamedPointTests {
    static func specification(n: Int, d: Int, seed: UInt64, beta: Double = 2, ridge: Double = 0,
                              m: InputDimension = .infinite) throws -> PointSpecification {
        PointSpecification(
            parameters: try DataParameters(alpha: 0, beta: beta, inputDimension: m), featureCount: n, sampleCount: d,
            ridge: ridge, seed: seed, sampler: .sublinear)
    }

    /// Underparameterized (N < r, the streamed normal equations), overparameterized (B assembled),
    /// ridge, finite M, and several seeds: the same loss to 1e-10 relative.
    @Test(arguments: [(16, 3000, 2.0, 0.0), (64, 20_000, 2.0, 0.0), (200, 2000, 2.0, 0.0), (32, 5000, 1.5, 0.0),
                      (40, 4000, 2.0, 1e-3), (300, 1000, 3.0, 1e-4)])
    func streamedEqualsUnstreamed(setting: (Int, Int, Double, Double)) throws {
        let (n, d, beta, ridge) = setting
        for seed in UInt64(0)..<3 {
            let spec = try Self.specification(n: n, d: d, seed: seed, beta: beta, ridge: ridge)
            let streamed = try PointEvaluator.evaluate(spec, threads: 2, streamingBytes: 0)
            let whole = try PointEvaluator.evaluate(spec, threads: 1, streamingBytes: .infinity)
            #expect(streamed.observedCoordinates == whole.observedCoordinates)
            #expect(streamed.rank == whole.rank)
            #expect(abs(streamed.loss - whole.loss) <= 1e-10 * whole.loss, "N=\(n) D=\(d) seed \(seed)")
            #expect(abs(streamed.lossObserved - whole.lossObserved) <= 1e-10 * whole.loss)
        }
    }

    /// The blocks are exactly the columns of B = W_S R, and the streamed readout is c B⁺ of the dense
    /// pseudoinverse (SVD of the assembled B).
    @Test func blocksAndReadoutMatchDenseB() throws {
        let spec = try Self.specification(n: 24, d: 8000, seed: 4)
        let set = try SublinearTrainingSet(
            sampler: SublinearSampler(parameters: spec.parameters, seed: 4, sampleCount: 8000), sampleCount: 8000, threads: 1)
        guard case .factored(let factor) = SparseSecondMomentFactor.factor(set.columns) else {
            Issue.record("the sparse factor declined")
            return
        }
        let observed = set.observed
        let embedding = RandomEmbedding(featureCount: 24, seed: 4)
        let b = factor.embed(embedding.columns(observed))
        let blocks = EmbeddedFactorBlocks(factor: factor, observed: observed, embedding: embedding, threads: 2)
        #expect(blocks.assembled() == b)
        let c = factor.transposeTimes(Teacher(seed: 4).weights(observed))
        let streamed = try StreamedReadout.solve(features: blocks, targets: c, sampleCount: 8000)
        #expect(streamed.route == .refinedNormalEquations)
        let pinv = try Pseudoinverse.pseudoinverse(b, relativeTolerance: Pseudoinverse.defaultTolerance(rows: 24, columns: 8000))
        let reference = BLAS.multiply(pinv, c, trans: .transposed)
        let norm = reference.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let error = zip(streamed.weights, reference).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        #expect(error <= 1e-9 * norm)
    }

    /// `PointEvaluator` streams the sublinear reduced point, with the loss of the unstreamed path.
    @Test func pointEvaluatorStreamsTheSublinearPoint() throws {
        let spec = try Self.specification(n: 48, d: 30_000, seed: 9)
        let a = try PointEvaluator.evaluate(spec, threads: 2)
        let b = try PointEvaluator.evaluate(spec, threads: 2, streamingBytes: .infinity)
        #expect(abs(a.loss - b.loss) <= 1e-10 * b.loss)
    }
}

/// The sample columns as the factor (R = X, used when the sparse factor declines): the same readout as
/// the sparse factor's, with embedding columns held or regenerated per entry.
@Suite struct EmbeddedSampleBlocksTests {
    @Test(arguments: [0, 5, 100_000])
    func sampleColumnsGiveTheFactorsReadout(held: Int) throws {
        for sampler in [SamplerVersion.perSample, .sublinear] {
            let spec = try StreamedPointTests.specification(n: 20, d: 6000, seed: 2)
            let set: SparseTrainingSet = try sampler == .sublinear
                ? SublinearTrainingSet(sampler: SublinearSampler(parameters: spec.parameters, seed: 2, sampleCount: 6000),
                                       sampleCount: 6000, threads: 1).columns
                : SparseTrainingSet(sampler: SparseSampler(parameters: spec.parameters, seed: 2), sampleCount: 6000, threads: 1)
            guard case .factored(let factor) = SparseSecondMomentFactor.factor(set) else {
                Issue.record("the sparse factor declined")
                return
            }
            let embedding = RandomEmbedding(featureCount: 20, seed: 2)
            let teacher = Teacher(seed: 2).weights(set.observed)
            let byFactor = try StreamedReadout.solve(
                features: EmbeddedFactorBlocks(factor: factor, observed: set.observed, embedding: embedding, threads: 2),
                targets: factor.transposeTimes(teacher), sampleCount: 6000)
            let sampleBlocks = EmbeddedSampleBlocks(samples: set, embedding: embedding, heldCount: held, threads: 2)
            let dense = BLAS.product(embedding.columns(set.observed), set.denseObserved())
            let largest = dense.storage.map(abs).max() ?? 0
            #expect(zip(sampleBlocks.assembled().storage, dense.storage).allSatisfy { abs($0 - $1) <= 1e-12 * largest })
            let bySamples = try StreamedReadout.solve(
                features: sampleBlocks, targets: sampleBlocks.transposeTimes(teacher), sampleCount: 6000)
            #expect(bySamples.rank == byFactor.rank)
            let norm = byFactor.weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let error = zip(bySamples.weights, byFactor.weights).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            #expect(error <= 1e-10 * norm, "\(sampler), \(held) held")
        }
    }

    /// A per-sample point routed through the stream (forced by calling it) equals the unstreamed one.
    @Test func perSamplePointStreams() throws {
        var spec = try StreamedPointTests.specification(n: 32, d: 20_000, seed: 6)
        spec.sampler = .perSample
        let a = try PointEvaluator.evaluate(spec, threads: 2, streamingBytes: 0)
        let b = try PointEvaluator.evaluate(spec, threads: 1, streamingBytes: .infinity)
        #expect(abs(a.loss - b.loss) <= 1e-10 * b.loss)
        #expect(try PointPlan(spec).route == .reducedInMemory)
    }
}

/// When the sparse factor declines (near β = 1: a giant co-activation component; forced here by its
/// limits) the streamed point uses the sample columns: the same loss as the unstreamed point.
@Suite struct StreamedNearOneTests {
    @Test func declinedFactorStreamsTheSampleColumns() throws {
        for sampler in [SamplerVersion.perSample, .sublinear] {
            var spec = try StreamedPointTests.specification(n: 24, d: 6000, seed: 1)
            spec.sampler = sampler
            let streamed = try StreamedPointEvaluator.evaluate(try PointPlan(spec, streamingBytes: 0), threads: 2, maximumBlockSize: 1, maximumHubCount: 1)
            let whole = try PointEvaluator.evaluate(spec, threads: 1, streamingBytes: .infinity)
            #expect(streamed.rank == whole.rank)
            #expect(abs(streamed.loss - whole.loss) <= 1e-10 * whole.loss, "\(sampler)")
        }
    }

    /// Per-sample points near β = 1 stream once W_S and B would pass the limit.
    @Test func perSamplePointsNearOneStream() throws {
        var spec = try StreamedPointTests.specification(n: 1024, d: 10_000_000, seed: 1, beta: 1.2)
        spec.sampler = .perSample
        #expect(StreamedPointEvaluator.factorLikelyDeclines(spec.parameters))
        #expect(try PointPlan(spec).route == .reducedStreamed)
        spec.featureCount = 24
        spec.sampleCount = 4000
        #expect(try PointPlan(spec).route == .reducedInMemory)
        #expect(!StreamedPointEvaluator.factorLikelyDeclines(try DataParameters(alpha: 0, beta: 2)))
    }
}
