import Foundation
import ScalingCalibration
import SparseScaling
import Testing
import TestSupport

/// `calibrate`'s 95% intervals on tables the simulator itself measured at known (α, β) (the exact reduced
/// solver, one seed per run, the standard design away from the double-descent peak): the fraction of tables
/// whose interval holds a = α + β, b = (α + β)/β, α and β.
///
/// Default tier: 20 tables of the quick design (8 + 8 runs, N = 4…16, D = 16…256) at (α, β) = (0, 2), B = 40, judged by the exact binomial tests of
/// `CalibrationCoverageResult` (a true coverage in [0.90, 0.99] fails with probability ≤ 1% per side; 13 or
/// fewer of 20 fail, so a coverage of 70% or less is caught). Heavy tier: 100 tables of the standard design
/// (`calibrate-coverage`'s, 12 + 12 runs), B = 200, and the
/// fraction itself must lie in [0.90, 0.99]. Both use a 243-start grid in place of the 4 500-start one (the
/// same code path, `Calibration.fitAdditive` and `Calibration.bootstrap`); the command `calibrate-coverage`
/// runs the full grid.
@Suite("Calibration coverage on simulated tables")
struct CalibrationCoverageTests {
    /// 3⁵ starts spanning the exponents of these tables (a = 2, b = 1) and ln E down to the boundary side.
    static let grid = StartGrid(logModelCoefficients: [0, 5, 10], logDataCoefficients: [0, 5, 10], logIrreducibles: [-6, -3, 0],
                                modelExponents: [0.5, 1.5, 2.5], dataExponents: [0.5, 1, 1.5], logJoinScales: [0])

    @Test("95% intervals of a, b, α, β cover the truth on simulated tables")
    func coverage() throws {
        let tables = TestTier.size(default: 20, heavy: 100), resamples = TestTier.size(default: 40, heavy: 100)
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let design = TestTier.isHeavy ? SimulatedTableDesign.standard(parameters: parameters) : .quick(parameters: parameters)
        let check = CalibrationCoverage(design: design, tables: tables, seed: 7,
                                        calibration: CalibrationSettings(bootstrapResamples: resamples, seed: 7, folds: 0, refinedStarts: 4, grid: Self.grid))
        let result = try check.run()
        print(result.text)
        #expect(result.failedTables == 0)
        for row in result.rows {
            #expect(row.verdict == "covers", "\(row.quantity.rawValue): \(row.covered) of \(row.tables)")
            if TestTier.isHeavy { #expect(row.fraction >= 0.90 && row.fraction <= 0.99, "\(row.quantity.rawValue): \(row.fraction)") }
        }
    }
}
