import Testing
@testable import SparseScaling

/// The reduced solver must equal the dense pseudoinverse y F⁺ on small instances of every shape.
@Suite struct ReducedSolverAgreementTests {
    /// 52 instances: N < K, N ≈ K, K < N < D, N > D; β ≤ 1 (finite M, heavy co-activation) and β > 1;
    /// ridge 0 and ridge > 0; both factorizations.
    static let cases: [(alpha: Double, beta: Double, m: InputDimension, n: Int, d: Int, ridge: Double)] = {
        var list: [(Double, Double, InputDimension, Int, Int, Double)] = []
        let shapes: [(Double, Double, InputDimension)] = [
            (0, 2, .infinite), (0.5, 1.5, .infinite), (-0.5, 2.5, .infinite),
            (0.5, 0.5, .finite(60)), (0, 1, .finite(120)), (1, 0, .finite(30)), (1.5, 1.2, .infinite),
        ]
        let sizes: [(Int, Int)] = [(3, 40), (12, 40), (30, 60), (60, 30), (90, 25), (8, 120)]
        for (a, b, m) in shapes {
            for (n, d) in sizes { list.append((a, b, m, n, d, 0)) }
        }
        for (a, b, m) in shapes.prefix(5) {
            list.append((a, b, m, 20, 30, 1e-3))
            list.append((a, b, m, 50, 20, 0.1))
        }
        return list
    }()

    @Test(arguments: Array(cases.indices))
    func reducedEqualsDensePseudoinverse(index: Int) throws {
        let c = Self.cases[index]
        let parameters = try DataParameters(alpha: c.alpha, beta: c.beta, inputDimension: c.m)
        let spec = PointSpecification(
            parameters: parameters, featureCount: c.n, sampleCount: c.d, ridge: c.ridge, seed: UInt64(100 + index))
        let reference = try BruteForce.solve(spec)
        let instance = try TrainingInstance(spec, threads: 2)
        for method in SecondMomentFactorization.allCases {
            let solver = ReducedMinimumNormSolver(factorization: method, ridge: c.ridge)
            let v = try solver.solve(
                secondMoment: instance.secondMoment(), embedding: instance.embedding,
                teacher: instance.teacher, sampleCount: c.d
            ).weights
            #expect(relativeDifference(v, reference.readout) < 1e-9, "v differs (\(method)) for case \(c)")
            let loss = PopulationLoss.observedPart(
                parameters: parameters, coordinates: instance.observed, embedding: instance.embedding,
                teacher: instance.teacher, readout: v)
            // Compare population losses (observed part + expected tail); the observed part alone is
            // rounding noise (~1e-30) when the model interpolates every observed coordinate.
            let tail = PopulationLoss.expectedTail(parameters: parameters, observed: instance.observed, readout: v)
            let referenceTail = PopulationLoss.expectedTail(parameters: parameters, observed: instance.observed, readout: reference.readout)
            let referenceLoss = reference.lossObserved + referenceTail
            // When the model interpolates everything (β = 0, N > M) the true loss is 0: relative error
            // is then measured against 1e-15 of the zero predictor's loss Σλ.
            let scale = max(referenceLoss, 1e-15 * UnobservedVariance.sum(parameters: parameters, observed: []))
            #expect(abs(loss + tail - referenceLoss) <= 1e-9 * scale, "loss differs for case \(c)")
        }
        let direct = try PointEvaluator.evaluate(
            PointSpecification(parameters: parameters, featureCount: c.n, sampleCount: c.d, solver: .direct, ridge: c.ridge, seed: UInt64(100 + index)), streamingBytes: .infinity)
        #expect(relativeDifference(direct.readout, reference.readout) < 1e-9)
    }

    @Test func casesCoverEveryRegime() throws {
        var regimes = Set<String>()
        var coactivated = false
        for (index, c) in Self.cases.enumerated() {
            let parameters = try DataParameters(alpha: c.alpha, beta: c.beta, inputDimension: c.m)
            let instance = try TrainingInstance(
                PointSpecification(parameters: parameters, featureCount: c.n, sampleCount: c.d, seed: UInt64(100 + index)), threads: 1)
            let k = instance.observedCount
            if c.n < k / 2 { regimes.insert("N<K") }
            if abs(c.n - k) <= k / 3 { regimes.insert("N≈K") }
            if c.n > k, c.n < c.d { regimes.insert("K<N<D") }
            if c.n > c.d { regimes.insert("N>D") }
            if let s = instance.sparseSamples, s.entryCount > s.sampleCount * 2 { coactivated = true }
        }
        #expect(regimes == ["N<K", "N≈K", "K<N<D", "N>D"])
        #expect(coactivated)
        #expect(Self.cases.contains { $0.beta <= 1 } && Self.cases.contains { $0.ridge > 0 })
        #expect(Self.cases.count >= 50)
    }

    @Test func denseDataReducedEqualsDirect() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(40))
        for (n, d) in [(10, 30), (50, 30), (30, 80)] {
            let spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: d, data: .dense, seed: 3)
            var directSpec = spec
            directSpec.solver = .direct
            let reduced = try PointEvaluator.evaluate(spec, streamingBytes: .infinity)
            let direct = try PointEvaluator.evaluate(directSpec, streamingBytes: .infinity)
            #expect(relativeDifference(reduced.readout, direct.readout) < 1e-9)
            #expect(abs(reduced.loss - direct.loss) < 1e-9 * direct.loss)
            #expect(reduced.lossTail == 0)
        }
    }
}
