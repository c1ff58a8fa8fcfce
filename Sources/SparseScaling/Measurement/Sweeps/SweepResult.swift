import Foundation
import ScalingAnalysis

/// The measured points of a sweep (mean ± SE, median and 10/90% quantiles, heavy-tail flags) and the
/// power-law fit of mean loss against the swept variable, over the points outside the peak band.
package struct SweepResult: Sendable {
    /// Aggregated points, in plan order.
    public let points: [MeasuredPoint]
    /// The swept variable (nil: nothing to fit).
    public let variable: SweptVariable?
    /// Fit over the last `tailPoints` points (nil when there is no swept variable or too few points).
    public let fit: PowerLawFit?
    /// Local exponents between successive points.
    public let localExponents: [LocalExponent]
    /// Why there is no fit, when there is none.
    public let fitNote: String?

    /// Points left out of the fit because they lie in the predicted peak band (mean infinite, docs/theory.md §6.1).
    public var pointsLeftOutOfFit: [MeasuredPoint] { points.filter { $0.heavyTail.reasons.contains(.peakBand) } }

    /// Aggregates `points` and fits L ∝ x^(−exponent) over the last `fitTail` points outside the peak band.
    public init(points: [MeasuredPoint], variable: SweptVariable?, fitTail: Int) {
        self.points = points
        self.variable = variable
        guard let variable else {
            fit = nil
            localExponents = []
            fitNote = "no single swept variable"
            return
        }
        let scaling = points.filter { !$0.heavyTail.reasons.contains(.peakBand) }.map { $0.scalingPoint(along: variable) }
        localExponents = (try? LocalExponent.between(scaling)) ?? []
        let leftOut = points.count - scaling.count
        guard scaling.count >= 3 else {
            // Said in the sweep's words, not the fit's ("invalid tail 1.0: expected at least 3 points").
            fit = nil
            fitNote = Typography.counted(scaling.count, "point") + (leftOut > 0 ? " outside the predicted peak band (\(leftOut) left out)" : "") + "; a fit needs at least 3"
            return
        }
        do {
            fit = try PowerLawFit(points: scaling, tail: min(fitTail, scaling.count))
            fitNote = nil
        } catch {
            fit = nil
            fitNote = "\(error)"
        }
    }

    /// The JSON object `{"points": [...], "fit": {...}}` of a sweep's JSON output, compact with sorted keys.
    public func json() -> String {
        let data = (try? JSONSerialization.data(withJSONObject: jsonObject(), options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The points, fit and local exponents as a JSON-serializable object with snake_case keys.
    public func jsonObject() -> [String: Any] {
        var pointObjects: [[String: Any]] = []
        for p in points {
            let q = p.lossQuantiles
            let flag = p.heavyTail
            func value(_ x: Double?) -> Any { x.map { $0.isFinite ? $0 as Any : NSNull() } ?? NSNull() }
            pointObjects.append([
                "n": p.n, "d": p.d, "seeds": p.seedCount, "loss_mean": value(p.lossMean), "loss_se": value(p.lossStandardError),
                "loss_median": value(q?.median), "loss_q10": value(q?.quantile10), "loss_q90": value(q?.quantile90),
                "heavy_tailed": flag.isHeavyTailed, "heavy_tail_reasons": flag.reasons.map(\.rawValue),
                "observed_coordinates_mean": p.meanObservedCoordinates,
            ].merging(p.labelNoiseVariance == 0 ? [:] : ["noise": p.specification.labelNoise, "test_loss_mean": p.testLossMean]) { a, _ in a })
        }
        var object: [String: Any] = ["points": pointObjects, "not_converged": notConvergedRuns]
        if let fit, let variable {
            object["fit"] = [
                "exponent": fit.exponent, "se": fit.exponentStandardError,
                "ci95": [fit.exponentInterval.lower, fit.exponentInterval.upper],
                "tail_points": fit.pointCount, "variable": variable.rawValue, "r_squared": fit.rSquared,
                "points_left_out_peak_band": pointsLeftOutOfFit.count,
            ] as [String: Any]
        } else {
            object["fit"] = NSNull()
        }
        object["local_exponents"] = localExponents.map { e -> [String: Any] in
            ["x_lower": e.xLower, "x_upper": e.xUpper, "exponent": e.exponent.map { $0 as Any } ?? NSNull()]
        }
        return object
    }

    /// One CSV row per point, full precision: the configuration (α, β, M = `inf` or an integer, data, features,
    /// solver), n, d, seeds, loss mean ± SE, median and 10/90% quantiles, heavy_tailed (1: mean not meaningful), K;
    /// plus noise and test_loss_mean when any point has label noise.
    public func csv() -> String {
        let noisy = points.contains { $0.labelNoiseVariance != 0 }
        var table = CSVTable(headers: ["alpha", "beta", "m", "data", "features", "solver", "n", "d", "seeds", "loss_mean", "loss_se",
                                       "loss_median", "loss_q10", "loss_q90", "heavy_tailed", "observed_coordinates_mean"]
                                       + (noisy ? ["noise", "test_loss_mean"] : []))
        for p in points {
            let s = p.specification, q = p.lossQuantiles
            let m: CSVCell = if case let .finite(m) = s.parameters.inputDimension { .integer(m) } else { .text("inf") }
            table.append([.number(s.parameters.alpha), .number(s.parameters.beta), m, .text(s.data.rawValue), .text(s.features.rawValue),
                          .text(s.solver.rawValue), .integer(p.n), .integer(p.d), .integer(p.seedCount), .number(p.lossMean),
                          .optional(p.lossStandardError), .optional(q?.median), .optional(q?.quantile10), .optional(q?.quantile90),
                          .integer(p.heavyTail.isHeavyTailed ? 1 : 0), .number(p.meanObservedCoordinates)]
                          + (noisy ? [.number(s.labelNoise), .number(p.testLossMean)] : []))
        }
        return table.render()
    }

    /// A table of (N, D, mean loss, SE, median, 10/90% quantiles, seeds, K) with heavy-tail flags, and the fitted exponent.
    public func text() -> String {
        let noisy = points.contains { $0.labelNoiseVariance != 0 }
        var table = TextTable(headers: ["N", "D", "loss mean", "loss SE", "median", "q10", "q90", "seeds", "K mean", "note"] + (noisy ? ["test loss mean"] : []))
        for p in points {
            let q = p.lossQuantiles
            let flag = p.heavyTail
            let se: String = p.lossStandardError.map { String(format: "%.3e", $0) } ?? "—"
            table.append([
                "\(p.n)", "\(p.d)", String(format: "%.6e", p.lossMean), se,
                q.map { String(format: "%.4e", $0.median) } ?? "-", q.map { String(format: "%.4e", $0.quantile10) } ?? "-",
                q.map { String(format: "%.4e", $0.quantile90) } ?? "-",
                "\(p.seedCount)", String(format: "%.1f", p.meanObservedCoordinates), flag.isHeavyTailed ? "heavy-tailed*" : "",
            ] + (noisy ? [String(format: "%.6e", p.testLossMean)] : []))
        }
        var lines = [table.render()]
        if let flagged = points.first(where: { $0.heavyTail.isHeavyTailed }) {
            lines.append("* \(flagged.heavyTail.note ?? "heavy-tailed"): read the median and quantiles (docs/theory.md §6.1)")
            let left = pointsLeftOutOfFit.count
            if left > 0 { lines.append("  \(Typography.counted(left, "point")) in the predicted peak band \(left == 1 ? "is" : "are") left out of the fit") }
        }
        if noisy { lines.append("loss = excess loss Σλ(w_eff − w*)²; test loss = excess + σ² (σ = \(points[0].specification.labelNoise))") }
        if let fit, let variable {
            lines.append("")
            let se = fit.exponentStandardError
            lines.append(
                "fit L ∝ \(variable.rawValue.uppercased())^(−a) over the last \(fit.pointCount) points: a = "
                    + "\(UncertainValueFormat.string(fit.exponent, standardError: se)) (SE), 95% CI "
                    + "\(UncertainValueFormat.interval(fit.exponentInterval.lower, fit.exponentInterval.upper, standardError: se)), "
                    + String(format: "R² = %.5f", fit.rSquared))
        } else if let fitNote {
            lines.append("")
            lines.append("no fit: \(fitNote)")
        }
        if let convergenceNote { lines.append(convergenceNote) }
        return lines.joined(separator: "\n")
    }
}
