import Foundation
import ScalingAnalysis

extension SweepSeries {
    /// The same power-law fit (same points, same tail) applied to the predicted mean loss of MODEL.md §6
    /// (`LossCurvePredictor`) at each point's own (N, D): the finite-size prediction of the fitted
    /// exponent, to compare fitted with fitted. Sparse data only; nil when a point has no predicted mean
    /// (peak band) or the fit fails.
    public func predictedFit(parameters: DataParameters, fitTail: Int) -> PowerLawFit? {
        let fitted = points.filter { !$0.heavyTail.reasons.contains(.peakBand) }
        var predictors: [Int: LossCurvePredictor] = [:]
        var predicted: [ScalingPoint] = []
        for p in fitted.suffix(fitTail) {
            let d = p.specification.sampleCount
            guard let predictor = predictors[d] ?? (try? LossCurvePredictor(parameters: parameters, dataSize: d)) else { return nil }
            predictors[d] = predictor
            guard let mean = predictor.point(modelSize: p.n).mean, mean > 0, mean.isFinite else { return nil }
            predicted.append(ScalingPoint(x: Double(variable == .n ? p.n : d), y: mean))
        }
        return try? PowerLawFit(points: predicted)
    }
}
