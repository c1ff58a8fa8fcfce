import Foundation
import Testing
@testable import SparseScaling

/// The sampler as part of a point's identity: per-sample points keep their old store key and JSON,
/// sublinear points say so, and the sublinear sampler runs only where the data enter through A and S.
@Suite("Sampler version")
struct SamplerVersionTests {
    static func spec(_ sampler: SamplerVersion, features: FeatureMap = .linear, solver: SolverKind = .reduced,
                     data: DataKind = .sparse) throws -> PointSpecification {
        PointSpecification(
            parameters: try DataParameters(alpha: 0, beta: 2, inputDimension: data == .dense ? .finite(64) : .infinite),
            featureCount: 8, sampleCount: 100, data: data, features: features, solver: solver, seed: 3, sampler: sampler)
    }

    @Test func perSampleKeyHasNoSampler() throws {
        let key = try Self.spec(.perSample).storeConfiguration.key
        #expect(!key.contains("sampler"))
        #expect(key.hasSuffix("extra="))
        let sublinear = try Self.spec(.sublinear).storeConfiguration
        #expect(sublinear.extra.hasPrefix("sampler=2"))
        #expect(sublinear.key != key)
    }

    @Test func codableKeepsOldEncodingAndReadsIt() throws {
        let perSample = try Self.spec(.perSample)
        let data = try JSONEncoder().encode(perSample)
        #expect(!String(decoding: data, as: UTF8.self).contains("sampler"))
        #expect(try JSONDecoder().decode(PointSpecification.self, from: data) == perSample)
        let sublinear = try Self.spec(.sublinear)
        let decoded = try JSONDecoder().decode(PointSpecification.self, from: try JSONEncoder().encode(sublinear))
        #expect(decoded == sublinear && decoded.sampler == .sublinear)
    }

    @Test func summaryNamesTheSampler() throws {
        let spec = try Self.spec(.sublinear)
        let outcome = try PointEvaluator.evaluate(spec)
        let json = try PointSummary(plan: try PointPlan(spec), outcome: outcome).json()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["sampler"] as? String == "sublinear")
    }

    @Test(arguments: [(FeatureMap.relu, SolverKind.direct, DataKind.sparse), (.linear, .direct, .sparse),
                      (.linear, .gd, .sparse), (.linear, .reduced, .dense)])
    func sublinearNeedsSparseLinearReduced(_ c: (FeatureMap, SolverKind, DataKind)) throws {
        let spec = try Self.spec(.sublinear, features: c.0, solver: c.1, data: c.2)
        #expect(throws: ParameterError.self) { try spec.checkSolverCombination() }
        do { try spec.checkSolverCombination() } catch let error as ParameterError {
            #expect(error.parameter == .sampler)
        }
        #expect(throws: ParameterError.self) { try PointEvaluator.evaluate(spec) }
        try Self.spec(.perSample, features: c.0, solver: c.1, data: c.2).checkSolverCombination()
    }

    /// The sublinear point at D = 10^6 with a memory estimate that stays an upper bound of what the
    /// arrays need and far below the per-sample estimate.
    @Test func sublinearEstimateIsSmaller() throws {
        var spec = try Self.spec(.perSample)
        spec.featureCount = 2048
        spec.sampleCount = 100_000_000
        let perSample = MemoryEstimate(point: spec).bytes
        spec.sampler = .sublinear
        let sublinear = MemoryEstimate(point: spec).bytes
        #expect(sublinear < perSample / 2)  // no K × K factorization, samples not all held
        #expect(sublinear > 8 * 2048 * 17_000.0)  // at least W_S (N × E[K], E[K] ≈ 17 700)
    }
}
