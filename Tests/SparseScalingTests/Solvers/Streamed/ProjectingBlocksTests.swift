import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// The factor blocks' projection uᵀW_S, taken from the embedding columns a pass regenerates, and the
/// observed loss the streamed point computes from it, against dense products and the separate pass.
@Suite struct ProjectingBlocksTests {
    static func blocks(n: Int, d: Int, seed: UInt64) throws -> (EmbeddedFactorBlocks, SparseSecondMomentFactor, [Int]) {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let set = try SublinearTrainingSet(
            sampler: SublinearSampler(parameters: parameters, seed: seed, sampleCount: d), sampleCount: d, threads: 1)
        guard case .factored(let factor) = SparseSecondMomentFactor.factor(set.columns) else {
            throw SparseSecondMomentFactor.Declined.empty
        }
        let embedding = RandomEmbedding(featureCount: n, seed: seed)
        return (EmbeddedFactorBlocks(factor: factor, observed: set.observed, embedding: embedding, threads: 2),
                factor, set.observed)
    }

    @Test func projectionIsTheEmbeddingTimesTheVector() throws {
        let (blocks, _, observed) = try Self.blocks(n: 24, d: 8000, seed: 4)
        let u = (0..<24).map { cos(Double($0) * 0.9) }
        var plain: [Matrix] = [], projecting: [Matrix] = []
        blocks.forEachBlock { _, block in plain.append(block) }
        let projection = blocks.forEachBlock(projecting: u) { _, block in projecting.append(block) }
        #expect(plain == projecting)
        let w = blocks.embedding.columns(observed)
        let expected = BLAS.multiply(w, u, trans: .transposed)
        #expect(projection.count == observed.count)
        #expect(zip(projection, expected).allSatisfy { abs($0 - $1) <= 1e-13 * (1 + abs($1)) })
    }

    /// The readout's last pass gives W_Sᵀv for the solution v, and the observed loss from it is the
    /// separate pass's value bit for bit.
    @Test func readoutProjectionGivesTheObservedLoss() throws {
        let (blocks, factor, observed) = try Self.blocks(n: 32, d: 20_000, seed: 6)
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let teacher = Teacher(seed: 6).weights(observed)
        let c = factor.transposeTimes(teacher)
        let plain = try StreamedReadout.solve(features: blocks, targets: c, sampleCount: 20_000)
        let (solution, projection) = try StreamedReadout.solveProjecting(features: blocks, targets: c, sampleCount: 20_000)
        #expect(solution.weights == plain.weights)
        let projected = try #require(projection)
        let separate = PopulationLoss.observedPart(
            parameters: parameters, coordinates: observed, embedding: blocks.embedding, teacher: teacher,
            readout: solution.weights, threads: 2)
        let fused = PopulationLoss.observedPart(
            parameters: parameters, coordinates: observed, projections: projected, teacher: teacher)
        #expect(fused == separate)
    }
}
