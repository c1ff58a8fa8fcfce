import Foundation
import Testing
@testable import SparseScaling

/// `CurveCoverageTest`: the coverage count, its exact one-sided interval, and the false-alarm rate
/// computed exactly (≤ 5%), checked against a direct simulation of the null.
@Suite struct CurveCoverageTestTests {
    @Test func countsAndInterval() throws {
        let t = CurveCoverageTest(zScores: [0, 1.95, -1.97, 3])
        #expect(t.covered == 2 && t.points == 4 && t.fraction == 0.5)
        let ci = try #require(t.interval)
        #expect(ci.lower == 0 && 0.5 < ci.upper && ci.upper < 0.95)
        // U solves P(Bin(4, U) ≤ 2) = 0.05.
        #expect(abs(CurveCoverageTest.binomialCDF(2, trials: 4, probability: ci.upper) - 0.05) < 1e-9)
        #expect(CurveCoverageTest(zScores: [0, 0, 0]).interval?.upper == 1)
        #expect(abs(t.chiSquare - (1.95 * 1.95 + 1.97 * 1.97 + 9)) < 1e-12)
        #expect(t.zText == "+0.0, +1.9, -2.0, +3.0")
    }

    @Test("The false-alarm rate is P(the interval of Bin(n, 0.95)/n excludes 0.95) ≤ 5%, checked by simulation")
    func falseAlarmRateMatchesSimulation() {
        for n in [5, 11, 30] {
            let exact = CurveCoverageTest.falseAlarmRate(points: n, coverage: 0.95)
            // Which counts the test rejects: the interval [0, U(k)] of k of n excludes 0.95.
            let rejected = (0...n).map { k in (CurveCoverageTest(zScores: [], coveredFlags: (0..<n).map { $0 < k }).interval?.upper ?? 1) < 0.95 }
            var state: UInt64 = 12345
            var alarms = 0
            let trials = 20000
            for _ in 0..<trials {
                var covered = 0
                for _ in 0..<n {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    if Double(state >> 11) * 0x1p-53 < 0.95 { covered += 1 }
                }
                if rejected[covered] { alarms += 1 }
            }
            let rate = Double(alarms) / Double(trials)
            let se = (exact * (1 - exact) / Double(trials)).squareRoot()
            #expect(abs(rate - exact) < 4 * se + 1e-3, "n = \(n): simulated \(rate), exact \(exact)")
            #expect(exact <= 0.05)
        }
    }

    @Test func chiSquareTailIsCloseToKnownValues() {
        // P(χ²_5 > 11.07) = 0.05, P(χ²_10 > 18.31) = 0.05.
        #expect(abs(CurveCoverageTest.chiSquareUpperTail(11.0705, degreesOfFreedom: 5) - 0.05) < 0.005)
        #expect(abs(CurveCoverageTest.chiSquareUpperTail(18.307, degreesOfFreedom: 10) - 0.05) < 0.005)
    }
}
