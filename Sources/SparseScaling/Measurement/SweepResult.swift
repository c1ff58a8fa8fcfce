import Foundation
import ScalingAnalysis

/// The measured points of a sweep and the power-law fit of mean loss against the swept variable.
public struct SweepResult: Sendable {
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

    /// Aggregates `points` and fits L ∝ x^(−exponent) over the last `fitTail` points.
    public init(points: [MeasuredPoint], variable: SweptVariable?, fitTail: Int) {
        self.points = points
        self.variable = variable
        guard let variable else {
            fit = nil
            localExponents = []
            fitNote = "no single swept variable"
            return
        }
        let scaling = points.map { $0.scalingPoint(along: variable) }
        localExponents = (try? LocalExponent.between(scaling)) ?? []
        do {
            fit = try PowerLawFit(points: scaling, tail: min(fitTail, scaling.count))
            fitNote = nil
        } catch {
            fit = nil
            fitNote = "\(error)"
        }
    }

    /// The JSON object `{"points": [...], "fit": {...}}` of `sweep --format json`.
    public func json() -> String {
        var pointObjects: [[String: Any]] = []
        for p in points {
            pointObjects.append([
                "n": p.n, "d": p.d, "seeds": p.seedCount, "loss_mean": p.lossMean, "loss_se": p.lossStandardError,
                "observed_coordinates_mean": p.meanObservedCoordinates,
            ].merging(p.noiseVariance == 0 ? [:] : ["noise": p.specification.noise, "test_loss_mean": p.testLossMean]) { a, _ in a })
        }
        var object: [String: Any] = ["points": pointObjects]
        if let fit, let variable {
            object["fit"] = [
                "exponent": fit.exponent, "se": fit.exponentStandardError,
                "ci95": [fit.exponentInterval.lower, fit.exponentInterval.upper],
                "tail_points": fit.pointCount, "variable": variable.rawValue, "r_squared": fit.rSquared,
            ] as [String: Any]
        } else {
            object["fit"] = NSNull()
        }
        object["local_exponents"] = localExponents.map { e -> [String: Any] in
            ["x_lower": e.xLower, "x_upper": e.xUpper, "exponent": e.exponent.map { $0 as Any } ?? NSNull()]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A table of (N, D, mean loss, SE, seeds) and the fitted exponent.
    public func text() -> String {
        let noisy = points.contains { $0.noiseVariance != 0 }
        var table = TextTable(headers: ["N", "D", "loss mean", "loss SE", "seeds", "K mean"] + (noisy ? ["test loss mean"] : []))
        for p in points {
            table.append([
                "\(p.n)", "\(p.d)", String(format: "%.6e", p.lossMean), String(format: "%.3e", p.lossStandardError),
                "\(p.seedCount)", String(format: "%.1f", p.meanObservedCoordinates),
            ] + (noisy ? [String(format: "%.6e", p.testLossMean)] : []))
        }
        var lines = [table.render()]
        if noisy { lines.append("loss = excess loss Σλ(w_eff − w*)²; test loss = excess + σ² (σ = \(points[0].specification.noise))") }
        if let fit, let variable {
            lines.append("")
            lines.append(String(
                format: "fit L ∝ %@^(−a) over the last %d points: a = %.4f ± %.4f (SE), 95%% CI [%.4f, %.4f], R² = %.5f",
                variable.rawValue.uppercased(), fit.pointCount, fit.exponent, fit.exponentStandardError,
                fit.exponentInterval.lower, fit.exponentInterval.upper, fit.rSquared))
        } else if let fitNote {
            lines.append("")
            lines.append("no fit: \(fitNote)")
        }
        return lines.joined(separator: "\n")
    }
}
