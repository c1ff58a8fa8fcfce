import Foundation
import Testing
@testable import ScalingCalibration

/// The bootstrap refines only the grid starts of lowest objective; on the Chinchilla table that screened
/// search must land in the same minimum as refining all 4 500 starts.
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
}
