import Foundation

/// The predicted mean loss (docs/theory.md §6.3 "det" below the peak, the exact §6.1 law mixed over r above
/// it; `LossCurvePredictor`) at measured points, for the figures' theory overlays.
package enum PredictedCurves {
    /// The predicted mean at each point; nil where the theory does not apply (dense data, ReLU
    /// features, iterative solvers, ridge > 0, α ≤ −1) or the mean is infinite (the peak band).
    package static func means(_ points: [MeasuredPoint]) -> [Double?] {
        var predictors: [String: LossCurvePredictor] = [:]
        return points.map { p in
            let s = p.specification
            guard s.data == .sparse, s.features == .linear, s.ridge == 0, s.solver == .reduced || s.solver == .direct else { return nil }
            let key = "\(s.parameters.alpha) \(s.parameters.beta) \(s.parameters.inputDimension) \(s.sampleCount)"
            if predictors[key] == nil {
                predictors[key] = try? LossCurvePredictor(parameters: s.parameters, dataSize: s.sampleCount)
            }
            guard let mean = predictors[key]?.point(modelSize: s.featureCount).mean, mean.isFinite, mean > 0 else { return nil }
            return mean
        }
    }
}
