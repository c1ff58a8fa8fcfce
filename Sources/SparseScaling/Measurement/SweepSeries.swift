import ScalingAnalysis

/// One named sweep of an experiment: its points along N or D and its power-law fit.
public struct SweepSeries: Sendable, Encodable {
    /// A short name, e.g. "sparse N-sweep".
    public let name: String
    /// The swept variable.
    public let variable: SweptVariable
    /// Aggregated points.
    public let points: [MeasuredPoint]
    /// Fit over the tail (nil when it failed).
    public let fit: PowerLawFit?

    /// Fits `points` along `variable` over the last `fitTail` points.
    public init(name: String, variable: SweptVariable, points: [MeasuredPoint], fitTail: Int) {
        self.name = name
        self.variable = variable
        self.points = points
        fit = try? PowerLawFit(points: points.map { $0.scalingPoint(along: variable) }, tail: min(fitTail, points.count))
    }

    /// The points used by fits, as (x, mean ± SE), restricted to the fit tail.
    public func tailPoints(_ fitTail: Int) -> [ScalingPoint] {
        Array(points.map { $0.scalingPoint(along: variable) }.suffix(fitTail))
    }

    /// Appends this series' rows to a table with columns series, variable, n, d, seeds, loss_mean, loss_se, k_mean.
    package func appendRows(to table: inout CSVTable) {
        for p in points {
            table.append([
                .text(name), .text(variable.rawValue), .integer(p.n), .integer(p.d), .integer(p.seedCount),
                .number(p.lossMean), .number(p.lossStandardError), .number(p.meanObservedCoordinates),
            ])
        }
    }

    /// The header matching `appendRows`.
    public static let csvHeaders = ["series", "variable", "n", "d", "seeds", "loss_mean", "loss_se", "k_mean"]
}
