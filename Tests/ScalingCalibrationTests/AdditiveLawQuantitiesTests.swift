import Foundation
import Testing
@testable import ScalingCalibration

/// The double-descent peak reported with the calibration: N ≈ E[K(D*)] at β = a/b, checked against the direct
/// sum Σ_i [1 − (1 − i^−β)^D]; +∞ when β ≤ 1, and a bootstrap interval that reaches such resamples is unbounded.
@Suite("Calibrated quantities")
struct AdditiveLawQuantitiesTests {
    @Test("N_peak is E[K(D*)] at β = a/b", arguments: [(2.0, 1.0), (3.5, 7.0 / 6), (1.5, 1.0)])
    func peak(a: Double, b: Double) throws {
        let law = AdditiveLaw(irreducible: 0.1, modelCoefficient: 3, dataCoefficient: 5, modelExponent: a, dataExponent: b)
        let compute = 1e9
        let q = law.quantities(atCompute: compute)
        let d = q[.optimalSampleCount]!, beta = a / b
        var sum = 0.0
        for i in stride(from: 2_000_000, through: 1, by: -1) { sum += -expm1(d * log1p(-pow(Double(i), -beta))) }
        sum += d * pow(2e6, 1 - beta) / (beta - 1)  // the tail beyond 2·10⁶, where D·i^−β ≪ 1
        print("a \(a) b \(b): D* \(d), N_peak \(q[.peakFeatureCount]!), direct sum \(sum)")
        #expect(abs(q[.peakFeatureCount]! / sum - 1) < 1e-4)
    }

    @Test("β ≤ 1 has no finite peak; intervals reaching it are unbounded")
    func unbounded() throws {
        let symmetric = AdditiveLaw(irreducible: 1, modelCoefficient: 400, dataCoefficient: 400, modelExponent: 0.35, dataExponent: 0.4)
        #expect(symmetric.quantities(atCompute: 1e22)[.peakFeatureCount] == .infinity)
        let runs = SyntheticTable.runs(sigma: 0.02, seed: 1000)
        let fitter = MultiStartFitter(grid: SyntheticTable.coarseGrid, refinedStarts: 4)
        let fit = try fitter.fitAdditive(runs)
        // 20 resamples: a few with β = a/b ≤ 1 (the truth, 0.348/0.366, is below 1), the rest above.
        let resampled = Bootstrap(resamples: 20, seed: 0, fitter: fitter).additiveFits(runs)
        let betas = resampled.compactMap { $0.map { $0.additive.modelExponent / $0.additive.dataExponent } }
        let peak = try #require(Bootstrap.intervals(estimate: fit, resampled: resampled, compute: 1e24).first { $0.quantity == .peakFeatureCount })
        print("β over resamples: \(betas.sorted()); N_peak interval [\(peak.lower), \(peak.upper)]")
        #expect(betas.contains { $0 <= 1 })
        #expect(peak.upper == .infinity && peak.standardError == .infinity)
        #expect(!peak.lower.isNaN)
    }
}
