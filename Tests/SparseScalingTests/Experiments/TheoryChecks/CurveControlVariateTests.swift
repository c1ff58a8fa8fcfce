import Foundation
import ResultsStore
import ScalingAnalysis
import Testing
@testable import SparseScaling

/// The control variates of `experiment curve`: T read back from a conditional row against the training
/// set's own unobserved mass, E[T] against a Monte Carlo over seeds, and the teacher energy's zero mean.
@Suite struct CurveControlVariateTests {
    static let parameters = try! DataParameters(alpha: -0.2, beta: 2.4)

    @Test func unobservedMassIsReadBackFromConditionalRowsAndAveragesToItsExpectation() throws {
        let d = 300
        var spec = PointSpecification(parameters: Self.parameters, featureCount: 2048, sampleCount: d)
        spec.estimator = .conditional
        var rows: [StoredPoint] = []
        var masses: [Double] = []
        for seed in UInt64(0)..<400 {
            let s = spec.withSeed(seed)
            let outcome = try PointEvaluator.evaluate(s, threads: 1)
            rows.append(StoredPoint(configuration: s.storeConfiguration, seed: seed, result: outcome.storeResult, toolVersion: "test"))
            // Independently: the seed's training set and Σ λ_i over its unobserved coordinates.
            let set = SparseTrainingSet(sampler: SparseSampler(parameters: Self.parameters, seed: seed), sampleCount: d, threads: 1)
            masses.append(UnobservedVariance.sum(parameters: Self.parameters, observed: set.observed))
        }
        let expected = ObservedCoordinateLaw(parameters: Self.parameters, sampleCount: Double(d)).unobservedMass
        let control = UnobservedMassControl(rows: rows, expectedMass: expected)
        let readBack = try #require(control.masses(of: rows))
        for (a, b) in zip(readBack, masses) { #expect(abs(a / b - 1) < 1e-9) }
        let mean = try MeanEstimate(samples: masses)
        #expect(abs(mean.mean - expected) < 4 * (mean.standardError ?? 0))
    }

    @Test func teacherEnergyHasMeanZero() throws {
        let control = TeacherEnergyControl(parameters: Self.parameters, sampleCount: 2000, ridge: 0.5, coordinates: 200)
        let values = (UInt64(0)..<4000).map { control.value(seed: $0) }
        let mean = try MeanEstimate(samples: values)
        let se = try #require(mean.standardError)
        #expect(se > 0 && abs(mean.mean) < 4 * se)
        // Its variance is 2 Σ (λ_i h_i)² for independent N(0, 1) weights.
        let variance = 2 * control.weights.reduce(0) { $0 + $1 * $1 }
        // (a 4000-seed variance is uncertain by ~6% here: z² − 1 has kurtosis 15).
        #expect(abs(pow(try #require(mean.standardDeviation), 2) / variance - 1) < 0.25)
    }
}
