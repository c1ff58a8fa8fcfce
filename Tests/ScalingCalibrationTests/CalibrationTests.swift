import Foundation
import Testing
@testable import ScalingCalibration

/// The pipeline on a synthetic table (60 runs, the coarse grid, a small bootstrap): intervals around the
/// estimates, the verdict from β's one-sided bound, a joined fit never worse than the additive one it
/// nests, and a paired cross-validation over every run.
@Suite("Calibration pipeline")
struct CalibrationTests {
    @Test("synthetic, 60 runs, B = 20, 4 folds")
    func synthetic() throws {
        let table = RunTable(runs: SyntheticTable.runs(sigma: 0.02, seed: 7), columns: RunColumns(featureCount: "n", data: .tokens("d"), loss: "loss"))
        let start = Date()
        let result = try Calibration.run(table, settings: CalibrationSettings(bootstrapResamples: 20, seed: 1, folds: 4, refinedStarts: 4,
                                                                              grid: SyntheticTable.coarseGrid))
        print("seconds \(result.seconds) total \(Date().timeIntervalSince(start))")
        print("joined \(result.joined.logParameters) objective \(result.joined.objective) vs additive \(result.additive.objective)")
        let cv = try #require(result.crossValidation)
        print("cv additive \(cv.additiveMean) joined \(cv.joinedMean) diff \(cv.difference) ± \(cv.standardError) folds ± \(cv.foldStandardError)")
        for i in result.intervals { print(i.quantity.rawValue, i.estimate, i.lower, i.upper, i.oneSidedLower) }
        #expect(result.joined.objective <= result.additive.objective * (1 + 1e-9))
        #expect(cv.scores.count == 60)
        let beta = try #require(result.interval(.beta))
        #expect(beta.lower <= beta.estimate && beta.estimate <= beta.upper)
        #expect(result.verdict == AsymmetryVerdict(betaLowerBound: beta.oneSidedLower))
        #expect(result.resampledLaws.count == 20)
    }
}
