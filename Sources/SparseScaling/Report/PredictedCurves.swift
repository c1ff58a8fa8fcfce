import Foundation

/// The predicted mean loss (docs/theory.md §6.3 "det" below the peak, the exact §6.1 law mixed over r above
/// it; `LossCurvePredictor`) at measured points, for the figures' theory overlays.
package enum PredictedCurves {
    /// The predicted mean at each point; nil where the theory does not apply (dense data, ReLU
    /// features, iterative solvers, ridge > 0, α ≤ −1) or the mean is infinite (the peak band).
    package static func means(_ points: [MeasuredPoint]) -> [Double?] {
        FiniteSizePrediction.means(points)
    }
}
