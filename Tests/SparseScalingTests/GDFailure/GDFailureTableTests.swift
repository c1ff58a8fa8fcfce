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

    @Test("The table names the fit's points with their estimators, and judges each D both estimators measured")
    func fitPointsAndEstimatorPairs() {
        let settings = GDFailureSettings(sampleCounts: [1000, 3000], replicates: 100)
        func result(_ rows: [GDFailureRow]) -> GDFailureResult {
            GDFailureResult(settings: settings, rows: rows, localSlopes: [], predictedSlope: -1)
        }
        let plain = result([Self.row(d: 1000, replicates: 20000, p: 0.1, se: 0.002), Self.row(d: 3000, replicates: 20000, p: 0.03, se: 0.001)])
        let importance = result([Self.row(d: 10000, replicates: 600, p: 0.01, se: 0.002), Self.row(d: 30000, replicates: 600, p: 0.003, se: 0.0005)])
        let crossCheck = result([Self.row(d: 3000, replicates: 2000, p: 0.031, se: 0.002)])
        var configuration = GDFailureExperiment.Configuration.preset(.quick)
        configuration.fitTail = 3
        let table = GDFailureTable(alpha: -1.5, beta: 2, configuration: configuration, plain: plain, importance: importance, crossCheck: crossCheck)
        #expect(table.fitPointsText == "D = 3000 (plain), D = 10000 (importance), D = 30000 (importance)")
        #expect(table.estimatorPairs.map(\.plain.sampleCount) == [3000])
        // Difference 0.001 ± 1.96·√(0.001² + 0.002²) = ± 0.0044; precision 0.03·(1 − 3000/10000)/2 = 0.0105: agree.
        let text = table.summaryText()
        #expect(text.contains("both estimators at D = 3000") && text.contains(": agree") && text.contains("(D = 3000 (plain), D = 10000 (importance)"))
    }
}
