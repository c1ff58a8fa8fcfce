import Foundation
import Testing
@testable import ScalingTheory

/// `LossCurvePredictor.peakBandRange` (bisection) against a scan of every integer N: the band is exactly the
/// N whose region is the peak band, below it every N is underparameterized and above it overparameterized.
@Suite struct PeakBandRangeTests {
    @Test(arguments: [(0.0, 2.0, 650), (0.0, 1.5, 600), (-0.3, 2.5, 2048), (0.3, 3.0, 4096), (0.5, 2.0, 64), (0.0, 1.2, 40)])
    func bandIsEveryNOfThePeakRegion(alpha: Double, beta: Double, d: Int) throws {
        let predictor = try LossCurvePredictor(parameters: try DataParameters(alpha: alpha, beta: beta), sampleCount: d)
        let band = predictor.peakBandRange
        // K counts distinct coordinates and may exceed D (β near 1): scan far beyond its mean.
        let limit = Int(3 * (predictor.rankLaw.mean + 10 * predictor.rankLaw.standardDeviation)) + 10
        #expect(band.upperBound < limit)
        let scanned = (1...limit).filter { predictor.region(featureCount: $0) == .peakBand }
        #expect(scanned.first == band.lowerBound && scanned.last == band.upperBound, "α = \(alpha), β = \(beta), D = \(d): \(band) vs scan \(scanned.first ?? -1)…\(scanned.last ?? -1)")
        #expect(scanned.count == band.count)
        #expect((1..<band.lowerBound).allSatisfy { predictor.region(featureCount: $0) == .underparameterized })
        #expect(((band.upperBound + 1)...max(limit, band.upperBound + 1)).allSatisfy { predictor.region(featureCount: $0) == .overparameterized })
    }
}
