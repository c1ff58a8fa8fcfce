import Foundation
import Testing
@testable import ScalingCalibration

/// The global minima of the Approach-3 objective on the Chinchilla table (../shared/data/README.md): all 245
/// runs, and the 240 without the 5 highest losses (Epoch AI's refit).
@Suite("Chinchilla minima")
struct ChinchillaMinimaTests {
    @Test("all 245 runs: E ≈ 1.891, a ≈ 0.349, b ≈ 0.453")
    func allRuns() throws {
        let table = try ChinchillaFixture.table()
        #expect(table.runs.count == 245)
        let start = Date()
        let fit = try MultiStartFitter().fitAdditive(table.runs)
        let law = fit.additive
        print("245 runs: E \(law.irreducible) A \(law.modelCoefficient) B \(law.dataCoefficient) a \(law.modelExponent) b \(law.dataExponent) objective \(fit.objective) at-min \(fit.startsAtMinimum)/\(fit.startsRefined) in \(Date().timeIntervalSince(start)) s")
        #expect(abs(law.irreducible - 1.891) < 0.01)
        #expect(abs(law.modelExponent - 0.349) < 0.003)
        #expect(abs(law.dataExponent - 0.453) < 0.003)
    }

    @Test("240 runs without the 5 highest losses: E ≈ 1.817, a ≈ 0.347, b ≈ 0.367")
    func withoutHighestLosses() throws {
        let table = try ChinchillaFixture.table().droppingHighestLosses(5)
        #expect(table.runs.count == 240)
        let start = Date()
        let fit = try MultiStartFitter().fitAdditive(table.runs)
        let law = fit.additive
        print("240 runs: E \(law.irreducible) A \(law.modelCoefficient) B \(law.dataCoefficient) a \(law.modelExponent) b \(law.dataExponent) objective \(fit.objective) at-min \(fit.startsAtMinimum)/\(fit.startsRefined) in \(Date().timeIntervalSince(start)) s")
        #expect(abs(law.irreducible - 1.817) < 0.01)
        #expect(abs(law.modelExponent - 0.347) < 0.003)
        #expect(abs(law.dataExponent - 0.367) < 0.003)
    }
}
