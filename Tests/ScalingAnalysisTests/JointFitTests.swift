import Foundation
import Testing
@testable import ScalingAnalysis

@Suite struct JointFitTests {
    /// Deterministic ±noise in log y (alternating pattern scaled by `amplitude`), reproducible without an RNG.
    func series(exponent s: Double, prefactor c: Double, amplitude: Double, phase: Int) -> [ScalingPoint] {
        let pattern = [0.7, -1.1, 0.4, 0.9, -0.8, -0.3, 1.2, -0.6]
        return (0..<8).map { k in
            let x = pow(2.0, Double(k + 5))
            let noise = amplitude * pattern[(k + phase) % pattern.count]
            return ScalingPoint(x: x, y: c * pow(x, -s) * exp(noise))
        }
    }

    @Test func sharedExponentNotRejected() throws {
        let all = [series(exponent: 2, prefactor: 1, amplitude: 0.02, phase: 0),
                   series(exponent: 2, prefactor: 5, amplitude: 0.02, phase: 3),
                   series(exponent: 2, prefactor: 0.3, amplitude: 0.02, phase: 5)]
        let joint = try JointPowerLawFit(series: all)
        #expect(!joint.sharedExponentRejected)
        #expect(joint.pValue > 0.05)
        #expect(joint.sharedExponentInterval.contains(2))
        #expect(joint.fNumeratorDegreesOfFreedom == 2 && joint.fDenominatorDegreesOfFreedom == 18)
        #expect(joint.sharedAIC < joint.separateAIC)
    }

    @Test func differentExponentRejected() throws {
        let all = [series(exponent: 2, prefactor: 1, amplitude: 0.02, phase: 0),
                   series(exponent: 2, prefactor: 5, amplitude: 0.02, phase: 3),
                   series(exponent: 1, prefactor: 0.3, amplitude: 0.02, phase: 5)]
        let joint = try JointPowerLawFit(series: all)
        #expect(joint.sharedExponentRejected)
        #expect(joint.pValue < 1e-6)
        #expect(joint.separateAIC < joint.sharedAIC)
        #expect(abs(joint.separateFits[2].exponent - 1) < 0.05)
    }

    @Test func matchesIndependentFStatistic() throws {
        // F recomputed here from two independent least-squares fits (separate fits and a pooled
        // dummy-variable regression solved by normal equations on centred data).
        let a = series(exponent: 1.5, prefactor: 1, amplitude: 0.05, phase: 1)
        let b = series(exponent: 1.6, prefactor: 2, amplitude: 0.05, phase: 4)
        let joint = try JointPowerLawFit(series: [a, b])
        let fa = try PowerLawFit(points: a), fb = try PowerLawFit(points: b)
        let rssSeparate = fa.residualSumOfSquares + fb.residualSumOfSquares
        // Shared slope by brute-force minimisation over a fine grid refined by golden section.
        func rss(_ s: Double) -> Double {
            [a, b].reduce(0) { total, pts in
                let r = pts.map { log($0.y) + s * log($0.x) }
                let m = r.reduce(0, +) / Double(r.count)
                return total + r.reduce(0) { $0 + ($1 - m) * ($1 - m) }
            }
        }
        var lo = 1.0, hi = 2.0
        for _ in 0..<200 {
            let m1 = lo + (hi - lo) * 0.382, m2 = lo + (hi - lo) * 0.618
            if rss(m1) < rss(m2) { hi = m2 } else { lo = m1 }
        }
        let s = (lo + hi) / 2
        #expect(abs(joint.sharedExponent - s) < 1e-7)
        let f = (rss(s) - rssSeparate) / 1 / (rssSeparate / Double(16 - 4))
        #expect(relativeError(joint.fStatistic, f) < 1e-8)
        #expect(abs(joint.pValue - FDistribution.survival(f, numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: 12)) < 1e-9)
    }

    @Test func exactSharedPowerLawsGiveZeroF() throws {
        let all = [series(exponent: 1, prefactor: 1, amplitude: 0, phase: 0),
                   series(exponent: 1, prefactor: 3, amplitude: 0, phase: 0)]
        let joint = try JointPowerLawFit(series: all)
        #expect(abs(joint.sharedExponent - 1) < 1e-12)
        #expect(!joint.sharedExponentRejected)
    }

    @Test func consistencyHelper() throws {
        let others = [series(exponent: 2, prefactor: 1, amplitude: 0.02, phase: 0),
                      series(exponent: 2, prefactor: 5, amplitude: 0.02, phase: 3),
                      series(exponent: 2, prefactor: 0.3, amplitude: 0.02, phase: 5)]
        let same = try ExponentConsistencyTest(candidate: series(exponent: 2, prefactor: 2, amplitude: 0.02, phase: 6),
                                               others: others)
        #expect(same.isConsistent)
        let different = try ExponentConsistencyTest(candidate: series(exponent: 1, prefactor: 2, amplitude: 0.02, phase: 6),
                                                    others: others)
        #expect(!different.isConsistent)
        #expect(abs(different.exponentRatio - 2) < 0.1)
        #expect(different.exponentRatioStandardError > 0)
    }

    @Test func rejectsSingleSeries() {
        #expect(throws: AnalysisError.self) {
            try JointPowerLawFit(series: [series(exponent: 1, prefactor: 1, amplitude: 0.1, phase: 0)])
        }
    }
}
