import ScalingAnalysis

/// One named sweep of an experiment: its points along N or D and its power-law fit over the points
/// outside the predicted peak band (where the mean is infinite, docs/theory.md §6.1).
public struct SweepSeries: Sendable, Encodable {
    /// A short name, e.g. "sparse N-sweep".
    public let name: String
    /// The swept variable.
    public let variable: SweptVariable
    /// Aggregated points.
    public let points: [MeasuredPoint]
    /// Fit over the tail (nil when it failed).
    public let fit: PowerLawFit?

    /// Fits `points` along `variable` over the last `fitTail` points outside the peak band.
    public init(name: String, variable: SweptVariable, points: [MeasuredPoint], fitTail: Int) {
        self.name = name
        self.variable = variable
        self.points = points
        let fitted = points.filter { !$0.heavyTail.reasons.contains(.peakBand) }
        fit = try? PowerLawFit(points: fitted.map { $0.scalingPoint(along: variable) }, tail: min(fitTail, fitted.count))
    }

    /// The points used by fits, as (x, mean ± SE), restricted to the fit tail (peak-band points left out).
    public func tailPoints(_ fitTail: Int) -> [ScalingPoint] {
        Array(points.filter { !$0.heavyTail.reasons.contains(.peakBand) }.map { $0.scalingPoint(along: variable) }.suffix(fitTail))
    }

    /// Appends this series' rows to a table with the columns of `csvHeaders`.
    package func appendRows(to table: inout CSVTable) {
        for p in points {
            let q = p.lossQuantiles
            table.append([
                .text(name), .text(variable.rawValue), .integer(p.n), .integer(p.d), .integer(p.seedCount),
                .number(p.lossMean), .optional(p.lossStandardError), .optional(q?.median), .optional(q?.quantile10),
                .optional(q?.quantile90), .integer(p.heavyTail.isHeavyTailed ? 1 : 0), .number(p.meanObservedCoordinates),
            ])
        }
    }

    /// The header matching `appendRows`: heavy_tailed is 1 where the mean is not meaningful (`HeavyTailAssessment`).
    public static let csvHeaders = ["series", "variable", "n", "d", "seeds", "loss_mean", "loss_se", "loss_median", "loss_q10", "loss_q90", "heavy_tailed", "k_mean"]
}
