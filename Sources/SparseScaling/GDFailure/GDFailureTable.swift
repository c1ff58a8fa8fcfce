import Foundation
import ScalingAnalysis

/// Table 4: both estimators' rows, local slopes across them, and the fitted asymptotic slope.
public struct GDFailureTable: ExperimentOutput {
    public static let name = "gd-failure"
    /// The columns of `gd-failure.csv`.
    public static let csvHeaders = ["d", "estimator", "replicates", "failures", "p", "p_se", "p_low", "p_high", "mean_lambda_max", "mean_k", "replicates_per_minute"]
    public let alpha: Double
    public let beta: Double
    public let configuration: GDFailureExperiment.Configuration
    /// Plain Monte Carlo rows (small D).
    public let plain: GDFailureResult
    /// Importance-sampling rows (large D; nil when α ≥ −1, where there are no spikes to tilt).
    public let importance: GDFailureResult?
    /// Importance-sampling rows at D values plain Monte Carlo also measured (nil: none).
    public let crossCheck: GDFailureResult?
    /// All rows by increasing D, with the estimator that produced them.
    public let rows: [GDFailureRow]
    public let estimators: [FailureEstimator]
    /// Local slopes d ln P / d ln D between successive rows.
    public let localSlopes: [GDFailureLocalSlope]
    /// Fit of P ∝ D^slope over the largest D (slope < 0), and the prediction (α+β)/(1+α).
    public let fit: PowerLawFit?
    public let predictedExponent: Double

    /// Combines the two estimators' rows; `crossCheck` holds importance rows at plain D values (kept out
    /// of the slopes and the fit, which take one estimator per D).
    public init(alpha: Double, beta: Double, configuration: GDFailureExperiment.Configuration, plain: GDFailureResult, importance: GDFailureResult?,
                crossCheck: GDFailureResult? = nil) {
        self.crossCheck = crossCheck
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.plain = plain
        self.importance = importance
        let tagged = (plain.rows.map { ($0, FailureEstimator.plain) } + (importance?.rows ?? []).map { ($0, FailureEstimator.importance) })
            .sorted { $0.0.sampleCount < $1.0.sampleCount }
        rows = tagged.map(\.0)
        estimators = tagged.map(\.1)
        let points = rows.map { ScalingPoint(x: Double($0.sampleCount), y: $0.probability, standardError: $0.standardError) }
        localSlopes = ((try? LocalExponent.between(points)) ?? []).map {
            GDFailureLocalSlope(lowerSampleCount: Int($0.xLower), upperSampleCount: Int($0.xUpper), slope: $0.exponent.map { -$0 }, standardError: $0.standardError)
        }
        fit = Self.asymptoticFit(rows, tail: configuration.fitTail)
        predictedExponent = (alpha + beta) / (1 + alpha)
    }

    /// The fit of P ∝ D^slope over the last `tail` rows with P > 0 (nil when fewer than two have).
    package static func asymptoticFit(_ rows: [GDFailureRow], tail: Int) -> PowerLawFit? {
        let positive = rows.map { ScalingPoint(x: Double($0.sampleCount), y: $0.probability, standardError: $0.standardError) }.filter { $0.y > 0 }
        return try? PowerLawFit(points: positive, tail: min(tail, positive.count))
    }

    /// The D values both estimators measured: the plain row and the importance row of each.
    public var estimatorPairs: [(plain: GDFailureRow, importance: GDFailureRow)] {
        let importanceRows = (crossCheck?.rows ?? []) + (importance?.rows ?? [])
        return plain.rows.compactMap { p in importanceRows.first { $0.sampleCount == p.sampleCount }.map { (p, $0) } }
    }

    /// The precision of the estimators' difference at the plain row `p`: half the change of P that the
    /// predicted law D^slope makes from p's D to the next larger measured D (a bias that large would put a
    /// step of one grid interval into the curve). Undetermined at the largest D.
    public func estimatorPrecision(at p: GDFailureRow) -> SourcedValue {
        Self.estimatorPrecision(probability: p.probability, sampleCount: p.sampleCount,
                                nextSampleCount: rows.map(\.sampleCount).filter { $0 > p.sampleCount }.min(), slope: predictedExponent)
    }

    /// `estimatorPrecision(at:)` from its parts: P·|1 − (D_next/D)^slope|/2.
    package static func estimatorPrecision(probability: Double, sampleCount d: Int, nextSampleCount next: Int?, slope: Double) -> SourcedValue {
        guard let next, probability > 0 else { return Precision.undetermined("no larger D or no failure measured") }
        let change = probability * abs(1 - pow(Double(next) / Double(d), slope))
        return Precision.resolving(0, from: [Precision.Alternative(
            "a bias as large as the predicted change of P from D = \(d) to the next measured D = \(next) (law D^\(String(format: "%.3g", slope)))", change)])
    }

    /// The fit's points, with the estimator of each: "D = 30000 (importance), …" (none: "no fit").
    public var fitPointsText: String {
        guard let fit else { return "no fit" }
        let tagged = zip(rows, estimators).filter { $0.0.probability > 0 }.suffix(fit.pointCount)
        return tagged.map { "D = \($0.0.sampleCount) (\($0.1.rawValue))" }.joined(separator: ", ")
    }

    /// Whether two rows' 95% intervals overlap.
    static func overlap(_ a: GDFailureRow, _ b: GDFailureRow) -> Bool { a.lower <= b.upper && b.lower <= a.upper }

    /// The fitted asymptotic slope d ln P/d ln D (negative) and its SE.
    public var fittedSlope: Double? { fit.map { -$0.exponent } }

    /// The data tables behind the figures, by file name.
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        let crossRows = (crossCheck?.rows ?? []).map { ($0, FailureEstimator.importance) }
        for (r, e) in zip(rows, estimators) + crossRows {
            table.append([
                .integer(r.sampleCount), .text(e.rawValue), .integer(r.replicates), .integer(r.failures), .number(r.probability), .number(r.standardError),
                .number(r.lower), .number(r.upper), .number(r.meanLargestEigenvalue), .number(r.meanObservedCoordinates), .number(r.replicatesPerMinute),
            ])
        }
        return ["\(Self.name).csv": table.render()]
    }

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        var table = TextTable(headers: ["D", "estimator", "failures/replicates", "P̂", "95% interval", "replicates/min"])
        for (r, e) in zip(rows, estimators) {
            table.append(["\(r.sampleCount)", e.rawValue, "\(r.failures)/\(r.replicates)", String(format: "%.4g", r.probability),
                          String(format: "[%.3g, %.3g]", r.lower, r.upper), String(format: "%.0f", r.replicatesPerMinute)])
        }
        var lines = ["GD failure (α = \(alpha), β = \(beta), N = \(configuration.featureCount), η = \(configuration.eta)):", table.render()]
        for l in localSlopes {
            lines.append("  local slope D = \(l.lowerSampleCount) → \(l.upperSampleCount): \(l.slope.map { String(format: "%.3f", $0) } ?? "n/a")\(l.standardError.map { String(format: " ± %.3f", $0) } ?? "")")
        }
        for (p, i) in estimatorPairs {
            let difference = i.probability - p.probability
            let half = 1.96 * (p.standardError * p.standardError + i.standardError * i.standardError).squareRoot()
            let precision = estimatorPrecision(at: p)
            let verdict = Verdict(IntervalDecision(predicted: 0, measured: difference, lower: difference - half, upper: difference + half,
                                                   resolution: precision.value, tolerance: nil))
            lines.append(String(format: "  both estimators at D = %d: plain %.4g [%.3g, %.3g] (%d replicates), importance %.4g [%.3g, %.3g] (%d replicates); difference %.3g ± %.3g (95%%), precision %.3g: %@",
                                p.sampleCount, p.probability, p.lower, p.upper, p.replicates, i.probability, i.lower, i.upper, i.replicates,
                                difference, half, precision.value, verdict.rawValue))
        }
        if let fit {
            lines.append(String(format: "  fitted slope over the last %d D (%@): %.3f ± %.3f; predicted (α+β)/(1+α) = %.3f", fit.pointCount, fitPointsText, -fit.exponent, fit.exponentStandardError, predictedExponent))
        }
        return lines.joined(separator: "\n")
    }
}
