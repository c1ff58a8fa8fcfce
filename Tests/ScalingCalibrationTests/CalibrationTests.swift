import Foundation
import Testing
@testable import ScalingCalibration

/// The pipeline on the Chinchilla table with a small bootstrap: intervals around the estimates, the
/// verdict from β's one-sided bound, a joined fit never worse than the additive one it nests, and a
/// paired cross-validation over every run.
@Suite("Calibration pipeline")
struct CalibrationTests {
    @Test("Chinchilla, 240 runs, B = 20, 5 folds")
    func chinchilla() throws {
        let table = try ChinchillaFixture.table().droppingHighestLosses(5)
        let start = Date()
        let result = try Calibration.run(table, settings: CalibrationSettings(bootstrapResamples: 20, seed: 1, folds: 5))
        print("seconds \(result.seconds) total \(Date().timeIntervalSince(start))")
        print("joined \(result.joined.logParameters) objective \(result.joined.objective) vs additive \(result.additive.objective)")
        let cv = try #require(result.crossValidation)
        print("cv additive \(cv.additiveMean) joined \(cv.joinedMean) diff \(cv.difference) ± \(cv.standardError) folds ± \(cv.foldStandardError)")
        for i in result.intervals { print(i.quantity.rawValue, i.estimate, i.lower, i.upper, i.oneSidedLower) }
        #expect(result.joined.objective <= result.additive.objective * (1 + 1e-9))
        #expect(cv.scores.count == 240)
        let beta = try #require(result.interval(.beta))
        #expect(beta.lower <= beta.estimate && beta.estimate <= beta.upper)
        #expect(result.verdict == AsymmetryVerdict(betaLowerBound: beta.oneSidedLower))
        #expect(result.resampledLaws.count == 20)
    }
}
