import Foundation
import Testing
import LinearAlgebra
@testable import SparseScaling

/// The GD-failure replicate computation, its determinism, and importance sampling vs plain Monte Carlo.
@Suite struct GDFailureTests {
    @Test func lanczosMatchesTheSymmetricEigensolver() throws {
        var rng = RandomStream(seed: 1, purpose: .replicate, index: 0)
        let k = 30
        let g = Matrix(rows: k, columns: k, columnMajor: (0..<(k * k)).map { _ in rng.normal() })
        let a = BLAS.gram(g)
        let top = try SymmetricEigen(a).values.last!
        let start = (0..<k).map { _ in rng.normal() }
        let lambda = LanczosLargestEigenvalue().largestEigenvalue(dimension: k, start: start) { x, y in
            for i in 0..<k {
                var s = 0.0
                for j in 0..<k { s += a[i, j] * x[j] }
                y[i] = s
            }
        }
        #expect(abs(lambda - top) < 1e-9 * top)
    }

    @Test func countsAreDeterministicAndThreadIndependent() throws {
        let settings = GDFailureSettings(featureCount: 2048, sampleCounts: [300, 600], replicates: 300)
        let one = try GDFailureExperiment.run(settings, threads: 1)
        let two = try GDFailureExperiment.run(settings, threads: 2)
        #expect(one.rows.map(\.failures) == two.rows.map(\.failures))
        #expect(one.rows.map(\.meanLargestEigenvalue) == two.rows.map(\.meanLargestEigenvalue))
        #expect(one.rows[0].failures > 0)
    }

    @Test func replicateEigenvalueMatchesDenseComputationInDistribution() throws {
        // Mean λ_max(F Fᵀ/D) of the fast replicate (Bartlett, coordinate-wise sampler) vs the dense
        // W_S X_S route of TrainingInstance, over the same number of independent draws.
        let parameters = try DataParameters(alpha: -1.5, beta: 2)
        let n = 64, d = 200, r = 150
        var dense: [Double] = []
        for s in 0..<r {
            let inst = try TrainingInstance(PointSpecification(parameters: parameters, featureCount: n, sampleCount: d, seed: UInt64(s)), threads: 1)
            let f = BLAS.product(inst.embedding, inst.observedSamples())
            dense.append(try SymmetricEigen(BLAS.gram(f)).values.last! / Double(d))
        }
        let design = GDFailureReplicate(alpha: -1.5, beta: 2, sampleCount: d, featureCount: n, threshold: .infinity)
        var scratch = GDFailureReplicate.Scratch()
        let fast = (0..<r).map { design.run(seed: 77, index: $0, scratch: &scratch).largestEigenvalue }
        let m1 = dense.reduce(0, +) / Double(r), m2 = fast.reduce(0, +) / Double(r)
        func sd(_ x: [Double], _ m: Double) -> Double { (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot() }
        let se = ((sd(dense, m1) * sd(dense, m1) + sd(fast, m2) * sd(fast, m2)) / Double(r)).squareRoot()
        #expect(abs(m1 - m2) < 4 * se, "dense \(m1), fast \(m2), se \(se)")
    }

    @Test func importanceSamplingAgreesWithPlainMonteCarlo() throws {
        var settings = GDFailureSettings(featureCount: 4096, sampleCounts: [400], replicates: 6000, threshold: 1.12)
        let plain = try GDFailureExperiment.run(settings, threads: 2).rows[0]
        settings.estimator = .importance
        settings.replicates = 3000
        let weighted = try GDFailureExperiment.run(settings, threads: 2).rows[0]
        let se = (plain.standardError * plain.standardError + weighted.standardError * weighted.standardError).squareRoot()
        #expect(plain.failures > 30)
        #expect(abs(plain.probability - weighted.probability) < 3.5 * se, "plain \(plain.probability), IS \(weighted.probability) ± \(weighted.standardError)")
    }
}
