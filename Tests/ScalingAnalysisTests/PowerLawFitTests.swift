import Foundation
import Testing
@testable import ScalingAnalysis

@Suite struct PowerLawFitTests {
    /// Points on c·x^(−s) at x = 2^k.
    func exactPowerLaw(exponent s: Double, prefactor c: Double, count: Int = 8) -> [ScalingPoint] {
        (0..<count).map { k in
            let x = pow(2.0, Double(k + 4))
            return ScalingPoint(x: x, y: c * pow(x, -s))
        }
    }

    @Test func recoversExactExponent() throws {
        for s in [0.5, 1.0, 2.0, 1.7320508] {
            let fit = try PowerLawFit(points: exactPowerLaw(exponent: s, prefactor: 3.5))
            #expect(abs(fit.exponent - s) < 1e-12)
            #expect(abs(fit.prefactor - 3.5) < 1e-10)
            #expect(fit.exponentStandardError < 1e-12)
            #expect(abs(fit.rSquared - 1) < 1e-12)
            #expect(fit.pointCount == 8)
            #expect(fit.degreesOfFreedom == 6)
        }
    }

    @Test func tailUsesLargestX() throws {
        // A curve that bends: exponent 1 at small x, 2 for the last 4 points.
        var points: [ScalingPoint] = []
        for k in 0..<4 { let x = pow(10.0, Double(k)); points.append(ScalingPoint(x: x, y: 1000 / x)) }
        for k in 4..<8 { let x = pow(10.0, Double(k)); points.append(ScalingPoint(x: x, y: 1e7 / (x * x))) }
        let fit = try PowerLawFit(points: points.shuffled(), tail: 4)
        #expect(abs(fit.exponent - 2) < 1e-12)
        #expect(fit.xRange == 1e4...1e7)
    }

    @Test func matchesNumpyRegressionOnNoisyData() throws {
        // Reference: scipy.stats.linregress(log(x), log(y)) for x=[10,20,40,80,160],
        // y=[1.0,0.52,0.24,0.13,0.061]: slope = -1.0070093894198404, stderr = 0.01873935255554548,
        // intercept = 2.331107233454231, rvalue**2 = 0.9989622029422232
        let fit = try PowerLawFit(x: [10, 20, 40, 80, 160], y: [1.0, 0.52, 0.24, 0.13, 0.061])
        #expect(relativeError(fit.exponent, 1.0070093894198404) < 1e-12)
        #expect(relativeError(fit.exponentStandardError, 0.01873935255554548) < 1e-10)
        #expect(relativeError(fit.logPrefactor, 2.331107233454231) < 1e-12)
        #expect(relativeError(fit.rSquared, 0.9989622029422232) < 1e-12)
        let t = StudentT.quantile(0.975, degreesOfFreedom: 3)
        #expect(abs(fit.exponentInterval.upper - (fit.exponent + t * fit.exponentStandardError)) < 1e-14)
    }

    @Test func weightedFitIgnoresUniformlyScaledErrors() throws {
        // Relative weights: equal relative errors reproduce the unweighted fit.
        let x = [10.0, 20, 40, 80, 160], y = [1.0, 0.52, 0.24, 0.13, 0.061]
        let se = y.map { $0 * 0.1 }
        let weighted = try PowerLawFit(x: x, y: y, standardErrors: se, weighting: .inverseVariance)
        let plain = try PowerLawFit(x: x, y: y)
        #expect(abs(weighted.exponent - plain.exponent) < 1e-12)
        #expect(abs(weighted.exponentStandardError - plain.exponentStandardError) < 1e-12)
    }

    @Test func refusesBadInput() {
        #expect(throws: AnalysisError.tooFewPoints(what: "power-law fit", count: 2, required: 3)) {
            try PowerLawFit(x: [1, 2], y: [1, 0.5])
        }
        #expect(throws: AnalysisError.nonPositiveValue(what: "power-law fit y", index: 1, value: 0)) {
            try PowerLawFit(x: [1, 2, 4], y: [1, 0, 0.25])
        }
        #expect(throws: AnalysisError.missingStandardError(index: 0)) {
            try PowerLawFit(x: [1, 2, 4], y: [1, 0.5, 0.25], weighting: .inverseVariance)
        }
        #expect(throws: AnalysisError.degenerateAbscissa(what: "power-law fit")) {
            try PowerLawFit(x: [2, 2, 2], y: [1, 0.5, 0.25])
        }
        let message = AnalysisError.tooFewPoints(what: "power-law fit", count: 2, required: 3).description
        #expect(message == "power-law fit: needs at least 3 points, got 2")
    }

    @Test func localExponents() throws {
        let points = [ScalingPoint(x: 10, y: 0.1, standardError: 0.01), ScalingPoint(x: 100, y: 0.001, standardError: 0.0001),
                      ScalingPoint(x: 1000, y: 0)]
        let local = try LocalExponent.between(points)
        #expect(local.count == 2)
        #expect(abs(local[0].exponent! - 2) < 1e-14)
        #expect(abs(local[0].standardError! - (0.02).squareRoot() / log(10)) < 1e-14)
        #expect(local[1].exponent == nil)
    }

    @Test func meanEstimate() throws {
        let m = try MeanEstimate(samples: [1, 2, 3, 4])
        #expect(m.mean == 2.5)
        #expect(abs(m.standardDeviation! - (5.0 / 3).squareRoot()) < 1e-15)
        #expect(abs(m.standardError! - (5.0 / 3).squareRoot() / 2) < 1e-15)
        let one = try MeanEstimate(samples: [7])
        #expect(one.mean == 7 && one.standardError == nil && one.count == 1)
        #expect(throws: AnalysisError.self) { try MeanEstimate(samples: []) }
        #expect(throws: AnalysisError.self) { try MeanEstimate(samples: [1, .nan]) }
    }
}
