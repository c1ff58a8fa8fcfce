import Foundation
import LinearAlgebra
import ResultsStore
import ScalingTheory
import Testing
@testable import SparseScaling

/// The conditional estimator E[L | data] (docs/theory.md §6.1) against an explicit eigendecomposition of A,
/// against Monte Carlo over W and w* of the default estimator, and its fallback and store key.
@Suite("Conditional estimator E[L | data]")
struct ConditionalEstimatorTests {
    /// (α, β, D, seed): D = 12 has r < K (null directions); the others exercise blocks and hubs.
    static let instances: [(Double, Double, Int, UInt64)] = [
        (0, 1.5, 12, 3), (0, 2, 40, 7), (0.3, 2.5, 300, 1), (-0.3, 2, 1000, 2), (0.5, 3, 2000, 4), (0, 1.5, 3000, 9),
    ]

    @Test("the fast path equals DataSpectrum.conditionalMeanLoss from an explicit eigendecomposition (1e-10)")
    func fastPathMatchesEigendecomposition() throws {
        var sawNullDirections = false
        for (alpha, beta, d, seed) in Self.instances {
            let parameters = try DataParameters(alpha: alpha, beta: beta)
            let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: seed), sampleCount: d, threads: 1)
            let fast = try ConditionalLoss(samples: set, parameters: parameters)
            let reference = try Self.spectrum(set, parameters: parameters)
            #expect(fast.rank == reference.rank, "D = \(d): rank \(fast.rank) vs \(reference.rank)")
            if fast.nullMass > 0 { sawNullDirections = true }
            #expect(abs(fast.unobservedMass - reference.unobservedMass) <= 1e-10 * reference.unobservedMass)
            for n in [fast.rank + 2, fast.rank + 9, 4 * d] where n >= fast.rank + 2 {
                let exact = reference.conditionalMeanLoss(featureCount: n).value!
                let value = try #require(fast.mean(featureCount: n))
                #expect(abs(value / exact - 1) < 1e-10, "α \(alpha) β \(beta) D \(d) N \(n): \(value) vs \(exact)")
            }
            #expect(fast.mean(featureCount: fast.rank + 1) == nil)
        }
        #expect(sawNullDirections)
    }

    /// The spectrum of A = X_S X_Sᵀ from its explicit eigendecomposition (LAPACK dsyevd): eigenvalues below
    /// `relativeTolerance`·s_max are null (dsyevd's absolute error is ~ε·s_max; the smallest true eigenvalues
    /// of these instances are above 1e-10·s_max).
    static func spectrum(_ set: SparseTrainingSet, parameters: DataParameters,
                         relativeTolerance: Double = 1e-13) throws -> DataSpectrum {
        let eigen = try SymmetricEigen(set.secondMoment())
        let lambdas = set.observed.map { parameters.marginalVariance($0) }
        let k = set.observedCount
        var weights = [Double](repeating: 0, count: k)
        for j in 0..<k {
            for i in 0..<k { weights[j] += lambdas[i] * eigen.vectors[i, j] * eigen.vectors[i, j] }
        }
        return DataSpectrum(allEigenvalues: eigen.values, weights: weights,
                            unobservedMass: parameters.totalVariance - lambdas.reduce(0, +), relativeTolerance: relativeTolerance)
    }

    @Test("the blocks' null projectors equal the dense projector of A")
    func blockPathMatchesDensePath() throws {
        for (alpha, beta, d, seed) in Self.instances {
            let parameters = try DataParameters(alpha: alpha, beta: beta)
            let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: seed), sampleCount: d, threads: 1)
            let (rank, entries) = try ConditionalLoss.rankAndNullDiagonal(set)
            let a = set.secondMoment()
            let denseRank = try SecondMomentFactor.factor(a).columns
            let dense = try ConditionalLoss.nullProjectorDiagonal(a, rank: denseRank)
            #expect(rank == denseRank)
            var fast = [Double](repeating: 0, count: set.observedCount)
            for (i, q) in entries { fast[i] = q }
            for i in fast.indices { #expect(abs(fast[i] - dense[i]) < 1e-9, "D = \(d), position \(i)") }
        }
    }

    @Test("E[L | data] is the Monte-Carlo mean over W and w* of the default estimator on fixed data (z < 4)")
    func monteCarloOverEmbeddingAndTeacher() throws {
        for (alpha, beta, d, dataSeed, extra) in [(0.0, 2.0, 200, UInt64(5), 4), (-0.3, 2.5, 400, UInt64(6), 30)] {
            let parameters = try DataParameters(alpha: alpha, beta: beta)
            let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: dataSeed), sampleCount: d, threads: 1)
            let conditional = try ConditionalLoss(samples: set, parameters: parameters)
            let n = conditional.rank + extra
            let solver = ReducedMinimumNormSolver()
            var losses: [Double] = []
            for s in 0..<800 {
                let seed = UInt64(10_000 + s)
                let w = RandomEmbedding(featureCount: n, seed: seed).columns(set.observed, threads: 1)
                let teacher = Teacher(seed: seed).weights(set.observed)
                let v = try solver.solve(samples: set, embedding: w, teacher: teacher).weights
                let loss = PopulationLoss.observedPart(parameters: parameters, coordinates: set.observed, embedding: w,
                                                       teacher: teacher, readout: v)
                    + PopulationLoss.expectedTail(parameters: parameters, observed: set.observed, readout: v)
                losses.append(loss)
            }
            let (mean, error) = CurveMonteCarloTests.meanAndError(losses)
            let exact = conditional.mean(featureCount: n)!
            #expect(abs(mean - exact) / error < 4, "D = \(d), N = \(n): MC \(mean) ± \(error) vs E[L | data] \(exact)")
        }
    }

    @Test("the point evaluator reports E[L | data] for N ≥ r + 2 and falls back to one draw below")
    func evaluatorAndFallback() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        var spec = PointSpecification(parameters: parameters, featureCount: 2048, sampleCount: 512, seed: 3)
        spec.estimator = .conditional
        let over = try PointEvaluator.evaluate(spec, threads: 1)
        #expect(over.estimator == .conditional && over.readout.isEmpty)
        let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: 3), sampleCount: 512, threads: 1)
        let parts = try ConditionalLoss(samples: set, parameters: parameters)
        #expect(over.loss == parts.mean(featureCount: 2048)! && over.rank == parts.rank)
        #expect(over.storeResult.extras == ["conditional_estimate": 1])

        spec.featureCount = 16
        let under = try PointEvaluator.evaluate(spec, threads: 1)
        var plain = spec
        plain.estimator = .sample
        let draw = try PointEvaluator.evaluate(plain, threads: 1)
        #expect(under.estimator == .sample && under.loss == draw.loss)
        #expect(draw.estimator == nil && draw.storeResult.extras.isEmpty)
        #expect(under.storeResult.extras == ["conditional_estimate": 0])
    }

    @Test("only the conditional estimator enters the store key; the default key is unchanged")
    func storeKey() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let plain = PointSpecification(parameters: parameters, featureCount: 64, sampleCount: 256)
        var conditional = plain
        conditional.estimator = .conditional
        #expect(plain.storeConfiguration.key
            == "alpha=0.0;beta=2.0;m=inf;n=64;d=256;data=sparse;features=linear;solver=reduced;ridge=0.0;tail=expected;tolerance=default;extra=")
        #expect(conditional.storeConfiguration.key.hasSuffix(";extra=estimator_conditional%3D1.0"))
    }

    @Test("the conditional estimator refuses dense data, ReLU features, other solvers and a ridge")
    func refusals() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(64))
        var base = PointSpecification(parameters: parameters, featureCount: 8, sampleCount: 16)
        base.estimator = .conditional
        var dense = base; dense.data = .dense
        var relu = base; relu.features = .relu; relu.solver = .direct
        var direct = base; direct.solver = .direct
        var ridge = base; ridge.ridge = 0.1
        for spec in [dense, relu, direct, ridge] {
            #expect(throws: ParameterError.self) { try spec.checkEstimatorCombination() }
        }
        #expect(throws: Never.self) { try base.checkEstimatorCombination() }
    }

    @Test("the conditional estimator draws the data with the point's sampler (sublinear: the equivalent columns)")
    func sublinearSampler() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        var spec = PointSpecification(parameters: parameters, featureCount: 4096, sampleCount: 1000, seed: 5)
        spec.estimator = .conditional
        spec.sampler = .sublinear
        let outcome = try PointEvaluator.evaluate(spec, threads: 1)
        let set = try SublinearTrainingSet(sampler: SublinearSampler(parameters: parameters, seed: 5, sampleCount: 1000), sampleCount: 1000, threads: 1)
        let parts = try ConditionalLoss(samples: set.columns, parameters: parameters)
        #expect(outcome.estimator == .conditional && abs(outcome.loss / parts.mean(featureCount: 4096)! - 1) < 1e-12)
        #expect(outcome.observedCoordinates == set.columns.observedCount)
        // Not the per-sample data of the same seed.
        var perSample = spec
        perSample.sampler = .perSample
        #expect(try PointEvaluator.evaluate(perSample, threads: 1).loss != outcome.loss)
    }

    @Test("a runner with the conditional estimator reports per point: conditional, fallback (N < r + 2) or not applicable; keys follow")
    func estimatorUses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("estimator-use-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let runner = MeasurementRunner(store: try ResultsStore(path: folder.appendingPathComponent("s.sqlite").path), threads: 2)
        runner.overrides.estimator = .conditional
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let over = PointSpecification(parameters: parameters, featureCount: 512, sampleCount: 128)
        let under = PointSpecification(parameters: parameters, featureCount: 4, sampleCount: 128)
        var relu = PointSpecification(parameters: try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(64)), featureCount: 8, sampleCount: 16)
        relu.features = .relu
        relu.solver = .direct
        let measured = try runner.measure([over, under, relu], seeds: [0, 1, 2])
        #expect(measured.map(\.conditionalSeeds) == [3, 0, nil])
        let uses = runner.estimatorUses
        #expect(uses.map(\.fallbackSeeds) == [0, 3, 0])
        #expect(uses[0].line == "N = 512, D = 128: estimator: conditional at all 3 seeds")
        #expect(uses[1].line == "N = 4, D = 128: estimator: exact (fallback: N < r + 2) at 3 of 3 seeds, conditional at 0")
        #expect(uses[2].line == "N = 8, D = 16: estimator: sample (conditional does not apply: relu features)")
        let report = EstimatorUse.report(uses)
        #expect(report.hasPrefix("estimator conditional: 3 points; 1 conditional at every seed, 1 fell back to the exact solver (N < r + 2) at 3 of 3 seeds, 1 measured with the sample estimator"))
        #expect(report.split(separator: "\n").count == 3)
        // Keys: the applicable points carry the estimator, the ReLU point keeps the default key (its rows are sample rows).
        #expect(measured[0].specification.storeConfiguration.key.hasSuffix("estimator_conditional%3D1.0"))
        #expect(measured[1].specification.storeConfiguration.key.hasSuffix("estimator_conditional%3D1.0"))
        #expect(measured[2].specification.storeConfiguration == relu.storeConfiguration)
        #expect(try runner.store.existingSeeds(for: relu.storeConfiguration) == [0, 1, 2])
    }

    @Test("a specification's JSON keeps the conditional estimator (the bench's child processes decode it); the default's JSON has no estimator key")
    func codableRoundTrip() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let plain = PointSpecification(parameters: parameters, featureCount: 64, sampleCount: 256)
        var conditional = plain
        conditional.estimator = .conditional
        let plainJSON = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!plainJSON.contains("estimator"))
        let decoded = try JSONDecoder().decode(PointSpecification.self, from: try JSONEncoder().encode(conditional))
        #expect(decoded.estimator == .conditional && decoded == conditional)
        #expect(try JSONDecoder().decode(PointSpecification.self, from: Data(plainJSON.utf8)).estimator == .sample)
    }
}
