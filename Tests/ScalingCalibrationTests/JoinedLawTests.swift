import Foundation
import Testing
@testable import ScalingCalibration

/// The joined law and the cross-validation that compares it with the additive law: its limits, and on
/// tables drawn from each form, the comparison must not prefer the wrong one.
@Suite("Joined law")
struct JoinedLawTests {
    static let columns = RunColumns(featureCount: "n", data: .tokens("d"), loss: "loss")

    @Test("limits: additive for z → 0 (Q = 1 − z^b/Γ(b + 1) + …), data-rich for z → ∞")
    func limits() {
        let additive = SyntheticTable.truth
        let tiny = JoinedLaw(additive: additive, joinScale: 1e-60, centreFeatureCount: 1e9, centreSampleCount: 1e10)
        #expect(abs(tiny.loss(featureCount: 1e9, sampleCount: 1e10) / additive.loss(featureCount: 1e9, sampleCount: 1e10) - 1) < 1e-9)
        let huge = JoinedLaw(additive: additive, joinScale: 1e6, centreFeatureCount: 1e9, centreSampleCount: 1e10)
        let dataRich = additive.irreducible + additive.modelCoefficient * pow(1e9, -additive.modelExponent)
        #expect(abs(huge.loss(featureCount: 1e9, sampleCount: 1e10) / dataRich - 1) < 1e-12)
    }

    /// 60 runs of a joined law whose join (z = b) crosses the data, with 1% lognormal noise.
    static func joinedRuns(seed: UInt64) -> [ScalingRun] {
        let shape = SyntheticTable.runs(sigma: 0, seed: 0)
        let logRuns = LogRuns(shape)
        let centre = logRuns.centre
        let law = JoinedLaw(additive: AdditiveLaw(irreducible: 1.8, modelCoefficient: 480, dataCoefficient: 2000, modelExponent: 0.35, dataExponent: 0.3),
                            joinScale: 0.3, centreFeatureCount: exp(centre.logN), centreSampleCount: exp(centre.logD))
        let noisy = SyntheticTable.runs(law: AdditiveLaw(irreducible: 1, modelCoefficient: 0, dataCoefficient: 0, modelExponent: 1, dataExponent: 1),
                                        sigma: 0.01, seed: seed)
        return zip(shape, noisy).map { ScalingRun(featureCount: $0.featureCount, sampleCount: $0.sampleCount, loss: law.loss(featureCount: $0.featureCount, sampleCount: $0.sampleCount) * $1.loss) }
    }

    @Test("runs from the joined law: cross-validation prefers the joined form")
    func joinedData() throws {
        let fitter = MultiStartFitter(grid: SyntheticTable.coarseGrid, refinedStarts: 4)
        let result = try CrossValidation(folds: 5, seed: 3, fitter: fitter).compare(Self.joinedRuns(seed: 11))
        print("joined data: additive \(result.additiveMean) joined \(result.joinedMean) diff \(result.difference) ± \(result.standardError) (folds ± \(result.foldStandardError))")
        #expect(result.preferred == .joined)
    }

    @Test("runs from the additive law: cross-validation does not prefer the joined form")
    func additiveData() throws {
        let fitter = MultiStartFitter(grid: SyntheticTable.coarseGrid, refinedStarts: 4)
        let result = try CrossValidation(folds: 5, seed: 3, fitter: fitter).compare(SyntheticTable.runs(sigma: 0.01, seed: 12))
        print("additive data: additive \(result.additiveMean) joined \(result.joinedMean) diff \(result.difference) ± \(result.standardError) (folds ± \(result.foldStandardError))")
        #expect(result.preferred != .joined)
    }
}
