import Foundation
import Testing
@testable import ScalingCalibration
import TestSupport

/// Over many synthetic tables from a known additive law, the 95% bootstrap intervals must cover the truth
/// in 90–99% of them, for each of E, a, b, α and β. Default tier: 100 tables of 60 runs, B = 40 resamples
/// each (a percentile interval from 40 resamples is itself noisy, which widens the spread of coverage but
/// not its mean much); the heavy tier (`TestTier`, SPARSE_SCALING_HEAVY_TESTS=1) uses 200 tables and B = 200. Both refit
/// from the coarse 243-start grid, best 4 refined: on these tables it finds the full grid's minimum
/// (`ScreenedStartsTests`), and Chinchilla's 4 500-start screening would make each refit 10× dearer.
@Suite("Bootstrap coverage")
struct BootstrapCoverageTests {
    @Test("95% intervals cover the truth in 90–99% of synthetic tables")
    func coverage() throws {
        let tables = TestTier.size(default: 100, heavy: 200), resamples = TestTier.size(default: 40, heavy: 200)
        let fitter = MultiStartFitter(grid: SyntheticTable.coarseGrid, refinedStarts: 4)
        let checked: [CalibratedQuantity] = [.irreducible, .modelExponent, .dataExponent, .alpha, .beta]
        let truth = SyntheticTable.truth.quantities(atCompute: 1e24)
        var covered = [CalibratedQuantity: Int]()
        let start = Date()
        for t in 0..<tables {
            let runs = SyntheticTable.runs(sigma: 0.02, seed: UInt64(1000 + t))
            let fit = try fitter.fitAdditive(runs)
            let resampled = Bootstrap(resamples: resamples, seed: UInt64(t), fitter: fitter).additiveFits(runs)
            for interval in Bootstrap.intervals(estimate: fit, resampled: resampled, compute: 1e24) where checked.contains(interval.quantity) {
                if interval.covers(truth[interval.quantity]!) { covered[interval.quantity, default: 0] += 1 }
            }
        }
        let fractions = checked.map { ($0, Double(covered[$0, default: 0]) / Double(tables)) }
        print("coverage over \(tables) tables, B = \(resamples): " + fractions.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
              + " (\(Date().timeIntervalSince(start)) s)")
        for (q, f) in fractions { #expect(f >= 0.90 && f <= 0.99, "coverage of \(q.rawValue): \(f)") }
    }
}
