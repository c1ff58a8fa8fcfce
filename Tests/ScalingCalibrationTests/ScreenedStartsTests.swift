import Foundation
import Testing
@testable import ScalingCalibration

/// The bootstrap refines only the grid starts of lowest objective; on the Chinchilla table that screened
/// search must land in the same minimum as refining all 4 500 starts, and so must the coarse grid of the
/// coverage tests on synthetic tables.
@Suite("Screened starts")
struct ScreenedStartsTests {
    @Test("screened grid finds the full grid's minimum", arguments: [8, 16, 32])
    func screened(count: Int) throws {
        for table in [try ChinchillaFixture.table(), try ChinchillaFixture.table().droppingHighestLosses(5)] {
            let start = Date()
            let fit = try MultiStartFitter(refinedStarts: count).fitAdditive(table.runs)
            print("\(table.runs.count) runs, \(count) starts: objective \(fit.objective) a \(fit.additive.modelExponent) b \(fit.additive.dataExponent) at-min \(fit.startsAtMinimum) in \(Date().timeIntervalSince(start)) s")
            let expected = table.runs.count == 245 ? 0.0018260105230693295 : 0.0010182740178005993
            #expect(abs(fit.objective - expected) < 1e-9 * expected)
        }
    }

    @Test("coarse grid on synthetic tables finds the full grid's minimum")
    func coarse() throws {
        for seed in [1000, 1001, 1002] as [UInt64] {
            let runs = SyntheticTable.runs(sigma: 0.02, seed: seed)
            let full = try MultiStartFitter().fitAdditive(runs)
            let coarse = try MultiStartFitter(grid: SyntheticTable.coarseGrid, refinedStarts: 4).fitAdditive(runs)
            #expect(coarse.objective <= full.objective * (1 + 1e-9), "seed \(seed): \(coarse.objective) vs \(full.objective)")
        }
    }
}
