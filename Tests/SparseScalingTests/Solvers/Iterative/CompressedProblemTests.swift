import Testing
@testable import SparseScaling

/// The N × N compression of a least-squares readout problem (Fᵀ = Q R) leaves the iterates unchanged.
@Suite struct CompressedProblemTests {
    func problem(n: Int, d: Int) -> (Matrix, [Double]) {
        var rng = RandomStream(seed: 9, purpose: .testData, index: UInt64(n * 1000 + d))
        var f = Matrix(rows: n, columns: d)
        for j in 0..<d { for i in 0..<n { f[i, j] = max(0, rng.normal()) } }  // ReLU-like features
        let y = (0..<d).map { _ in rng.normal() }
        return (f, y)
    }

    @Test func thinQRReproducesTheGramAndCrossTerms() throws {
        let (f, y) = problem(n: 7, d: 40)
        let compressed = try ReadoutLeastSquaresProblem.compressed(features: f, labels: y)
        #expect(compressed.features.rows == 7 && compressed.features.columns == 7)
        let gram = BLAS.gram(f), compressedGram = BLAS.gram(compressed.features)
        #expect(zip(gram.storage, compressedGram.storage).allSatisfy { abs($0 - $1) <= 1e-12 * (gram.storage.map(abs).max() ?? 1) })
        let fy = BLAS.multiply(f, y), gt = BLAS.multiply(compressed.features, compressed.targets)
        #expect(relativeDifference(gt, fy) < 1e-12)
    }

    @Test func iteratesAndLossesMatchTheUncompressedProblem() throws {
        let (f, y) = problem(n: 12, d: 300)
        let dense = ReadoutLeastSquaresProblem.dense(features: f, labels: y)
        let compressed = try ReadoutLeastSquaresProblem.compressed(features: f, labels: y)
        let limits = IterationLimits(gradientTolerance: 0, maxIterations: 200)
        let a = NesterovAcceleratedGradient(limits: limits).solve(dense)
        let b = NesterovAcceleratedGradient(limits: limits).solve(compressed)
        #expect(relativeDifference(b.readout, a.readout) < 1e-9)
        #expect(abs(b.empiricalLoss - a.empiricalLoss) <= 1e-10 * a.empiricalLoss)
        let v = a.readout
        #expect(abs(compressed.loss(v) - dense.loss(v)) <= 1e-12 * dense.loss(v))
    }
}
