import Foundation
import ScalingAnalysis

/// The predicted mean loss of docs/theory.md §6 (`LossCurvePredictor`: "det" below the peak, the exact §6.1
/// law mixed over r above it) at measured points' own (N, D): the one route by which the figures'
/// theory overlays and the fitted-with-fitted verdict rows get finite-size predictions.
public enum FiniteSizePrediction {
    /// The predicted mean at each point; nil where the theory does not apply (dense data, ReLU
    /// features, iterative solvers, ridge > 0, α ≤ −1) or the mean is infinite (the peak band).
    public static func means(_ points: [MeasuredPoint]) -> [Double?] {
        var predictors: [String: LossCurvePredictor] = [:]
        return points.map { p in
            let s = p.specification
            guard s.data == .sparse, s.features == .linear, s.ridge == 0, s.solver == .reduced || s.solver == .direct else { return nil }
            let key = "\(s.parameters.alpha) \(s.parameters.beta) \(s.parameters.inputDimension) \(s.sampleCount)"
            if predictors[key] == nil {
                predictors[key] = try? LossCurvePredictor(parameters: s.parameters, sampleCount: s.sampleCount)
            }
            guard let mean = predictors[key]?.point(featureCount: s.featureCount).mean, mean.isFinite, mean > 0 else { return nil }
            return mean
        }
    }

    /// `points` with each loss replaced by its predicted mean (one "seed"); a point without one is left
    /// out when `droppingMissing`, else the result is nil.
    public static func predictedPoints(_ points: [MeasuredPoint], droppingMissing: Bool = false) -> [MeasuredPoint]? {
        let means = Self.means(points)
        guard droppingMissing || !means.contains(where: { $0 == nil }) else { return nil }
        return zip(points, means).compactMap { p, mean in
            mean.map { MeasuredPoint(specification: p.specification, losses: [$0], meanObservedCoordinates: p.meanObservedCoordinates, meanSeconds: 0) }
        }
    }
}
