import Foundation
import ScalingAnalysis

extension SweepSeries {
    /// The same power-law fit (same points, same tail) applied to the predicted mean loss at each
    /// point's own (N, D) (`FiniteSizePrediction`): the finite-size prediction of the fitted exponent,
    /// to compare fitted with fitted. Nil when a fitted point has no predicted mean or the fit fails.
    public func predictedFit(fitTail: Int) -> PowerLawFit? {
        let fitted = Array(points.filter { !$0.heavyTail.reasons.contains(.peakBand) }.suffix(fitTail))
        guard let predicted = FiniteSizePrediction.predictedPoints(fitted) else { return nil }
        return try? PowerLawFit(points: predicted.map { $0.scalingPoint(along: variable) })
    }
}
