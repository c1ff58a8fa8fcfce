import Foundation

/// Predicted loss-curve points (docs/theory.md §6) as a text table, CSV or JSON rows: mean where finite
/// ("∞" in text, null in JSON, empty in CSV where infinite), median and 10/90% quantiles where
/// predicted ("—", null, empty otherwise), the method and the region of each (N, D). CSV and JSON rows
/// also carry α, β and M, so tables of several settings can be concatenated.
package struct PredictedCurveTable: Sendable {
    /// The data parameters (α, β, M) the points were predicted for.
    package let parameters: DataParameters
    /// The points, one per (N, D), in the order given.
    package let points: [PredictedLossPoint]

    /// A table of `points`, predicted for `parameters`.
    package init(parameters: DataParameters, points: [PredictedLossPoint]) {
        self.parameters = parameters
        self.points = points
    }

    /// The predicted curve at every (N, D) of the two grids (D outer, N inner), sharing one predictor per D.
    package init(parameters: DataParameters, featureCounts: [Int], sampleCounts: [Int],
                 options: CurvePredictionOptions = .init()) throws {
        var points: [PredictedLossPoint] = []
        for d in sampleCounts {
            let predictor = try LossCurvePredictor(parameters: parameters, sampleCount: d, options: options)
            points += predictor.curve(featureCounts: featureCounts)
        }
        self.init(parameters: parameters, points: points)
    }

    /// Column names, shared by text and CSV.
    package static let headers = ["N", "D", "region", "mean", "median", "q10", "q90", "method"]

    /// The aligned text table, ending with a newline.
    package func text() -> String {
        var table = TextTable(headers: Self.headers)
        func cell(_ x: Double?) -> String { x.map(fourSignificantDigits) ?? "—" }
        for p in points {
            table.append(["\(p.featureCount)", "\(p.sampleCount)", p.region.rawValue, p.mean.map(fourSignificantDigits) ?? "∞",
                          cell(p.median), cell(p.quantile10), cell(p.quantile90), p.method.rawValue])
        }
        return table.render() + "\n"
    }

    /// The CSV document (an infinite mean or a quantile not predicted is an empty cell; `mean_finite` says which;
    /// `m` is `inf` for M = ∞).
    package func csv() -> String {
        var table = CSVTable(headers: ["alpha", "beta", "m", "n", "d", "region", "mean", "mean_finite", "median", "q10",
                                       "q90", "method"])
        for p in points {
            table.append([.number(parameters.alpha), .number(parameters.beta),
                          .text(parameters.inputDimension.description), .integer(p.featureCount), .integer(p.sampleCount), .text(p.region.rawValue), .optional(p.mean),
                          .text(p.mean == nil ? "false" : "true"), .optional(p.median), .optional(p.quantile10),
                          .optional(p.quantile90), .text(p.method.rawValue)])
        }
        return table.render()
    }

    /// One JSON row: nil values are written as null.
    private struct Row: Encodable {
        let parameters: DataParameters
        let point: PredictedLossPoint
        enum Key: String, CodingKey {
            case alpha, beta, m, n, d, region, mean, meanFinite = "mean_finite", median, q10, q90, method
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(parameters.alpha, forKey: .alpha)
            try c.encode(parameters.beta, forKey: .beta)
            try c.encode(parameters.inputDimension, forKey: .m)
            try c.encode(point.featureCount, forKey: .n)
            try c.encode(point.sampleCount, forKey: .d)
            try c.encode(point.region.rawValue, forKey: .region)
            try c.encode(point.mean, forKey: .mean)
            try c.encode(point.mean != nil, forKey: .meanFinite)
            try c.encode(point.median, forKey: .median)
            try c.encode(point.quantile10, forKey: .q10)
            try c.encode(point.quantile90, forKey: .q90)
            try c.encode(point.method.rawValue, forKey: .method)
        }
    }

    /// A JSON array of rows `{alpha, beta, m, n, d, region, mean, mean_finite, median, q10, q90, method}` (null
    /// where not finite or not predicted; `m` "inf" for M = ∞, as in the CSV), pretty-printed with sorted keys.
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(points.map { Row(parameters: parameters, point: $0) })
        return String(decoding: data, as: UTF8.self)
    }
}
