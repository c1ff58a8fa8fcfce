import LinearAlgebra
import Testing
@testable import SparseScaling

/// The sparse block factor of A = X_S X_Sᵀ: R Rᵀ = A, the readout through it equals the brute-force
/// pseudoinverse, and it declines (to the dense path) only where no small hub set splits the coordinates.
@Suite struct SparseFactorTests {
    typealias Case = (alpha: Double, beta: Double, m: InputDimension, n: Int, d: Int, ridge: Double)

    /// 40 instances: N < K, N ≈ K, K < N < D, N > D; β > 1 and β ≤ 1 with finite M; D < K; ridge > 0;
    /// most through the sparse factor, some (β = 1, M = 120) declined to the dense path.
    static let cases: [Case] = {
        var list: [Case] = []
        let shapes: [(Double, Double, InputDimension)] = [
            (0, 2, .infinite), (0.5, 1.5, .infinite), (-0.5, 2.5, .infinite), (1.5, 1.2, .infinite),
            (0.5, 0.5, .finite(60)), (0, 1, .finite(120)),
        ]
        let sizes: [(Int, Int)] = [(3, 200), (40, 150), (150, 400), (90, 60), (8, 15)]
        for (a, b, m) in shapes {
            for (n, d) in sizes { list.append((a, b, m, n, d, 0)) }
        }
        for (a, b, m) in shapes.prefix(5) {
            list.append((a, b, m, 20, 100, 1e-3))
            list.append((a, b, m, 120, 80, 0.1))
        }
        return list
    }()

    static func specification(_ index: Int) throws -> PointSpecification {
        let c = cases[index]
        let parameters = try DataParameters(alpha: c.alpha, beta: c.beta, inputDimension: c.m)
        return PointSpecification(
            parameters: parameters, featureCount: c.n, sampleCount: c.d, ridge: c.ridge, seed: UInt64(500 + index))
    }

    @Test(arguments: Array(cases.indices))
    func sparsePathEqualsDensePseudoinverse(index: Int) throws {
        let spec = try Self.specification(index)
        let reference = try BruteForce.solve(spec)
        let instance = try TrainingInstance(spec, threads: 2)
        let samples = try #require(instance.sparseSamples)
        let solver = ReducedMinimumNormSolver(ridge: spec.ridge)
        // Through the sparse factor directly when it is built, and through the default dispatch.
        if case .factored(let r) = SparseSecondMomentFactor.factor(samples) {
            let v = try solver.solve(factor: r, embedding: instance.embedding, teacher: instance.teacher, sampleCount: spec.sampleCount).weights
            #expect(relativeDifference(v, reference.readout) < reference.readoutTolerance, "sparse factor: v differs for case \(Self.cases[index]), κ = \(reference.conditionNumber)")
        }
        let v = try solver.solve(samples: samples, embedding: instance.embedding, teacher: instance.teacher).weights
        #expect(relativeDifference(v, reference.readout) < reference.readoutTolerance, "v differs for case \(Self.cases[index]), κ = \(reference.conditionNumber)")
        let outcome = try PointEvaluator.evaluate(spec, streamingBytes: .infinity)
        // The same path (bit-identical in a process of its own; here other tests running in parallel
        // may change OpenBLAS's process-wide thread count in the middle of the readout).
        #expect(relativeDifference(outcome.readout, v) < reference.readoutTolerance / 100, "the evaluator takes the same path")
        // The dense factorization stays selectable and agrees.
        let dense = ReducedMinimumNormSolver(sparseFactor: false, ridge: spec.ridge)
        let vDense = try dense.solve(samples: samples, embedding: instance.embedding, teacher: instance.teacher).weights
        #expect(relativeDifference(vDense, reference.readout) < reference.readoutTolerance, "κ = \(reference.conditionNumber)")
    }

    @Test func casesCoverEveryRegimeAndBothPaths() throws {
        var regimes = Set<String>()
        var factored = 0, declined = 0, coactivated = false, dBelowK = false
        for index in Self.cases.indices {
            let c = Self.cases[index]
            let instance = try TrainingInstance(try Self.specification(index), threads: 1)
            let samples = try #require(instance.sparseSamples)
            let k = instance.observedCount
            if c.n < k / 2 { regimes.insert("N<K") }
            if abs(c.n - k) <= k / 3 { regimes.insert("N≈K") }
            if c.n > k, c.n < c.d { regimes.insert("K<N<D") }
            if c.n > c.d { regimes.insert("N>D") }
            if c.d < k { dBelowK = true }
            switch SparseSecondMomentFactor.factor(samples) {
            case .factored(let r):
                factored += 1
                if r.largestBlock > 1 { coactivated = true }
            case .declined: declined += 1
            }
        }
        #expect(regimes == ["N<K", "N≈K", "K<N<D", "N>D"])
        #expect(factored >= 20 && declined >= 3, "factored \(factored), declined \(declined)")
        #expect(coactivated && dBelowK)
        #expect(Self.cases.contains { $0.beta <= 1 } && Self.cases.contains { $0.ridge > 0 })
        #expect(Self.cases.count >= 30)
    }

    /// R Rᵀ = A to rounding, R = dense(), and B = W R, c = Rᵀ w agree with the dense products.
    @Test(arguments: [(0.0, 2.0, 300), (0.5, 1.5, 200), (-0.5, 2.5, 500), (1.5, 1.2, 100), (0.0, 3.0, 2000)])
    func factorReproducesSecondMoment(alpha: Double, beta: Double, d: Int) throws {
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: .infinite)
        let spec = PointSpecification(parameters: parameters, featureCount: 7, sampleCount: d, seed: 11)
        let instance = try TrainingInstance(spec, threads: 2)
        let samples = try #require(instance.sparseSamples)
        guard case .factored(let factor) = SparseSecondMomentFactor.factor(samples) else {
            Issue.record("expected the sparse factor for β = \(beta), D = \(d)")
            return
        }
        let a = samples.secondMoment()
        let r = factor.dense()
        #expect(r.rows == a.rows && r.columns == factor.rank && factor.rank <= a.rows)
        let rrt = BLAS.product(r, r, transB: .transposed)
        let scale = a.storage.map(abs).max() ?? 1
        let error = zip(rrt.storage, a.storage).map { abs($0 - $1) }.max() ?? 0
        #expect(error <= 1e-13 * scale, "‖R Rᵀ − A‖_max = \(error) (scale \(scale))")
        let b = factor.embed(instance.embedding)
        let bDense = BLAS.product(instance.embedding, r)
        #expect(relativeDifference(b.storage, bDense.storage) < 1e-13)
        let c = factor.transposeTimes(instance.teacher)
        #expect(relativeDifference(c, BLAS.multiply(r, instance.teacher, trans: .transposed)) < 1e-13)
    }

    /// D < K (coordinate 1's values lie in the span of the others', so the hubs' Schur complement is
    /// singular) still factors exactly; β ≤ 1 with finite M links almost everything into one large
    /// component, which declines to the dense path; β = 2 at large D needs several hubs.
    @Test func declinesWhereExpected() throws {
        let sparse = try DataParameters(alpha: 0, beta: 1.3, inputDimension: .infinite)
        let fewSamples = try TrainingInstance(PointSpecification(parameters: sparse, featureCount: 4, sampleCount: 4, seed: 2), threads: 1)
        let samples = try #require(fewSamples.sparseSamples)
        #expect(samples.sampleCount < samples.observedCount)
        guard case .factored(let small) = SparseSecondMomentFactor.factor(samples) else {
            Issue.record("D < K should factor")
            return
        }
        #expect(small.rank <= samples.sampleCount)
        let a = samples.secondMoment()
        let r = small.dense()
        let rrt = BLAS.product(r, r, transB: .transposed)
        let scale = a.storage.map(abs).max() ?? 1
        #expect(zip(rrt.storage, a.storage).allSatisfy { abs($0 - $1) <= 1e-13 * scale })

        let heavy = try DataParameters(alpha: 0, beta: 0.5, inputDimension: .finite(400))
        let dense = try TrainingInstance(PointSpecification(parameters: heavy, featureCount: 4, sampleCount: 200, seed: 2), threads: 1)
        guard case .declined(.largeComponent(let size, let hubs)) = SparseSecondMomentFactor.factor(try #require(dense.sparseSamples)) else {
            Issue.record("β = 0.5, M = 400 should decline with a large component")
            return
        }
        #expect(size > 64 && hubs <= 200)

        let many = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        let large = try TrainingInstance(PointSpecification(parameters: many, featureCount: 4, sampleCount: 200_000, seed: 2), threads: 2)
        guard case .factored(let factor) = SparseSecondMomentFactor.factor(try #require(large.sparseSamples)) else {
            Issue.record("β = 2, D = 200000 should factor")
            return
        }
        #expect(factor.hubCount > 1 && factor.hubCount < 128 && factor.largestBlock <= 64)
        #expect(factor.blockCount > large.observedCount / 4)
    }

    /// The factor and the readout do not depend on the thread count used to draw the samples.
    @Test func deterministicAcrossThreadCounts() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        let spec = PointSpecification(parameters: parameters, featureCount: 64, sampleCount: 50_000, seed: 9)
        let one = try PointEvaluator.evaluate(spec, threads: 1, streamingBytes: .infinity)
        let two = try PointEvaluator.evaluate(spec, threads: 2, streamingBytes: .infinity)
        #expect(one.readout == two.readout)
        #expect(one.loss == two.loss)
    }
}
