import Foundation
import Testing
@testable import SparseScaling

/// `GDFailureTable`: the precision of the two estimators' difference and the importance replicates it
/// asks for, from the pilot's measured variance.
@Suite struct GDFailureTableTests {
    static func row(d: Int, replicates: Int, p: Double, se: Double) -> GDFailureRow {
        GDFailureRow(sampleCount: d, replicates: replicates, failures: 0, probability: p, standardError: se, lower: p - 1.96 * se,
                     upper: p + 1.96 * se, meanLargestEigenvalue: 1, meanObservedCoordinates: 1, seconds: 1, replicatesPerMinute: 1)
    }

    @Test("The difference's precision is half the predicted change of P to the next measured D")
    func estimatorPrecision() {
        let precision = GDFailureTable.estimatorPrecision(probability: 0.01, sampleCount: 3000, nextSampleCount: 10000, slope: -1)
        #expect(abs(precision.value - 0.01 * (1 - 0.3) / 2) < 1e-15 && precision.source.contains("D = 10000"))
        #expect(GDFailureTable.estimatorPrecision(probability: 0.01, sampleCount: 3000, nextSampleCount: nil, slope: -1).value == 0)
    }

    @Test("Replicates from the pilot's variance make the difference's 95% half-width reach the precision")
    func replicatesFromThePilotVariance() throws {
        let plain = Self.row(d: 3000, replicates: 20000, p: 0.01, se: 0.0007)
        let pilot = Self.row(d: 3000, replicates: 600, p: 0.011, se: 0.003)
        let precision = 0.0035
        let r = try #require(GDFailureExperiment.crossCheckReplicates(pilot: pilot, plain: plain, precision: precision, maximum: 1_000_000))
        // SE of the mean scales as 1/√R: at r replicates the difference's half-width is at most the precision, at r − 1 above it.
        func half(_ n: Int) -> Double { 1.96 * (plain.standardError * plain.standardError + 0.003 * 0.003 * 600 / Double(n)).squareRoot() }
        #expect(half(r) <= precision * (1 + 1e-12) && half(r - 1) > precision)
        #expect(GDFailureExperiment.crossCheckReplicates(pilot: pilot, plain: plain, precision: precision, maximum: 1000) == 1000)
        // A plain row wider than the precision: no number of importance replicates suffices.
        #expect(GDFailureExperiment.crossCheckReplicates(pilot: pilot, plain: plain, precision: 0.001, maximum: 1000) == nil)
    }
}
