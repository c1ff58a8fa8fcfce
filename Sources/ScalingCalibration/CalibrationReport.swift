import Foundation

/// How a calibration is presented: the verdict sentence, the text summary, the CSV of every reported
/// number and its column sidecar. Numbers come from `CalibrationResult`; nothing is computed here but
/// formatting.
public enum CalibrationReport {
    /// The verdict on β > 1 in one sentence, with β's estimate, 95% interval and one-sided bound.
    public static func verdictSentence(_ result: CalibrationResult) -> String {
        guard let beta = result.interval(.beta) else {
            return "no bootstrap (B = 0): no verdict on β > 1 (β = \(g(result.additive.additive.modelExponent / result.additive.additive.dataExponent)))"
        }
        let numbers = "β = a/b = \(g(beta.estimate)), 95% CI [\(g(beta.lower)), \(g(beta.upper))], one-sided 95% lower bound \(g(beta.oneSidedLower))"
        switch result.verdict {
        case .twoExponents:
            return "β > 1 at 95% (one-sided): \(numbers); data scaling is slower than model scaling, the sparse-feature asymmetry α_D = α_N/β < α_N"
        case .notShown, .undetermined:
            return "β > 1 is not established at 95% (one-sided): \(numbers); the data do not show the sparse-feature asymmetry"
        }
    }

    /// The text summary printed by default.
    public static func text(_ result: CalibrationResult, source: String) -> String {
        var lines: [String] = []
        let s = result.settings, fit = result.additive, law = fit.additive
        lines.append("calibrate: \(result.table.runs.count) runs from \(source) (\(describe(result.table.columns)))")
        lines.append("additive fit L = E + A/N^a + B/D^b, Huber δ = \(g(s.huberDelta)) on ln L, \(fit.startsRefined) grid starts refined by L-BFGS, \(fit.startsAtMinimum) reach the minimum")
        lines.append("  E = \(g(law.irreducible))  A = \(g(law.modelCoefficient))  B = \(g(law.dataCoefficient))  a = \(g(law.modelExponent))  b = \(g(law.dataExponent))  objective \(g(fit.objective))")
        if result.intervals.isEmpty {
            lines.append("no bootstrap (--bootstrap 0): no intervals")
        } else {
            lines.append("bootstrap over runs: \(result.resampledLaws.count) of \(s.bootstrapResamples) resamples refitted (seed \(s.seed), best \(s.refinedStarts) grid starts each); percentile intervals")
            lines.append("  " + pad("quantity", 14) + pad("estimate", 13, right: true) + "  " + pad("95% CI", 28) + pad("5% (1-sided)", 13, right: true)
                         + pad("SE", 12, right: true))
            for i in result.intervals {
                lines.append("  " + pad(label(i.quantity), 14) + pad(g(i.estimate), 13, right: true) + "  " + pad("[\(g(i.lower)), \(g(i.upper))]", 28)
                             + pad(g(i.oneSidedLower), 13, right: true) + pad(g(i.standardError), 12, right: true))
            }
        }
        lines.append("  (compute-optimal point at C = \(g(result.compute)) FLOP, C = 6ND)")
        lines.append("  (N_peak(D*): where the sparse-feature model's ridgeless double-descent peak would sit, N ≈ E[K(D*)] at β = a/b, inf when β ≤ 1;"
                     + " it takes the model's N and D to be the table's, an identification assumption the fitted scales A, B do not test)")
        lines.append(verdictSentence(result))
        let joined = result.joined
        if let j = joined.joined {
            lines.append("joined fit (the model's shape) L = E + A/N^a + B/D^b·Q(b, c·(D/D₀)·(N/N₀)^(−a/b)), N₀ = \(g(j.centreFeatureCount)), D₀ = \(g(j.centreSampleCount)), BOBYQA from \(joined.startsRefined) starts")
            let a = j.additive
            lines.append("  E = \(g(a.irreducible))  A = \(g(a.modelCoefficient))  B = \(g(a.dataCoefficient))  a = \(g(a.modelExponent))  b = \(g(a.dataExponent))  c = \(g(j.joinScale))  objective \(g(joined.objective))")
        }
        if let cv = result.crossValidation {
            lines.append("cross-validation, \(cv.folds) folds (seed \(cv.seed)), mean held-out Huber loss per run: additive \(g(cv.additiveMean)), joined \(g(cv.joinedMean))")
            lines.append("  joined − additive = \(g(cv.difference)) ± \(g(cv.standardError)) (SE paired over runs), ± \(g(cv.foldStandardError)) (SE over folds)")
            switch cv.preferred {
            case .joined?: lines.append("  the joined (model) form predicts held-out runs better (difference beyond 1.96 SE)")
            case .additive?: lines.append("  the additive form predicts held-out runs better (difference beyond 1.96 SE)")
            case nil: lines.append("  no detectable difference: |difference| ≤ 1.96 SE, neither form predicts held-out runs better")
            }
        }
        lines.append(String(format: "time: fit %.1f s, bootstrap %.1f s, cross-validation %.1f s", result.seconds.fit, result.seconds.bootstrap, result.seconds.crossValidation))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The columns of `csv`.
    public static let csvHeader = ["form", "quantity", "estimate", "lower_95", "upper_95", "lower_95_one_sided", "se", "runs", "resamples", "seed", "compute"]

    /// One row per reported number: the additive quantities with their intervals, the joined law's
    /// parameters and objective, and the cross-validation's means and difference (its SE in `se`).
    public static func csv(_ result: CalibrationResult) -> String {
        let s = result.settings
        let tail = ["\(result.table.runs.count)", "\(s.bootstrapResamples)", "\(s.seed)", "\(result.compute)"]
        var rows: [[String]] = []
        if result.intervals.isEmpty {
            for (q, v) in result.additive.additive.quantities(atCompute: result.compute).sorted(by: { $0.key.order < $1.key.order }) {
                rows.append(["additive", q.rawValue, "\(v)", "", "", "", ""] + tail)
            }
        } else {
            for i in result.intervals {
                rows.append(["additive", i.quantity.rawValue, "\(i.estimate)", "\(i.lower)", "\(i.upper)", "\(i.oneSidedLower)", "\(i.standardError)"] + tail)
            }
        }
        rows.append(["additive", "objective", "\(result.additive.objective)", "", "", "", ""] + tail)
        if let j = result.joined.joined {
            let a = j.additive
            for (name, v) in [("E", a.irreducible), ("A", a.modelCoefficient), ("B", a.dataCoefficient), ("a", a.modelExponent), ("b", a.dataExponent),
                              ("c", j.joinScale), ("n0", j.centreFeatureCount), ("d0", j.centreSampleCount), ("objective", result.joined.objective)] {
                rows.append(["joined", name, "\(v)", "", "", "", ""] + tail)
            }
        }
        if let cv = result.crossValidation {
            rows.append(["cv", "held_out_additive", "\(cv.additiveMean)", "", "", "", ""] + tail)
            rows.append(["cv", "held_out_joined", "\(cv.joinedMean)", "", "", "", ""] + tail)
            rows.append(["cv", "held_out_difference", "\(cv.difference)", "", "", "", "\(cv.standardError)"] + tail)
            rows.append(["cv", "held_out_difference_fold_se", "\(cv.foldStandardError)", "", "", "", ""] + tail)
        }
        return ([csvHeader] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The sidecar `calibrate.columns.json`: the meaning of every column and of every `quantity` value.
    public static func columnSidecar(_ result: CalibrationResult) throws -> String {
        let columns: [String: String] = [
            "form": "additive (L = E + A/N^a + B/D^b), joined (the model's shape, L = E + A/N^a + B/D^b·Q(b, c·(D/D₀)·(N/N₀)^(−a/b))) or cv (cross-validation)",
            "quantity": "the reported number (see quantities)",
            "estimate": "its value at the fit to all runs (cv: mean held-out Huber loss per run)",
            "lower_95": "2.5% bootstrap quantile (percentile interval); empty where no interval",
            "upper_95": "97.5% bootstrap quantile",
            "lower_95_one_sided": "5% bootstrap quantile: the one-sided 95% lower bound",
            "se": "standard deviation over bootstrap resamples (cv: SE of the paired difference over runs)",
            "runs": "number of runs fitted", "resamples": "bootstrap resamples B", "seed": "seed of resamples and folds",
            "compute": "compute C (FLOP) of the compute-optimal point, C = 6ND",
        ]
        var quantities: [String: String] = [:]
        for q in CalibratedQuantity.allCases { quantities[q.rawValue] = q.meaning }
        quantities["objective"] = "Σ Huber_δ(ln L̂ − ln L) at the minimum"
        quantities["c"] = "joined law: join scale, z = c at the centre (N₀, D₀)"
        quantities["n0"] = "joined law: N₀, geometric mean of N"
        quantities["d0"] = "joined law: D₀, geometric mean of D"
        quantities["held_out_additive"] = "mean held-out Huber loss per run, additive form"
        quantities["held_out_joined"] = "mean held-out Huber loss per run, joined form"
        quantities["held_out_difference"] = "joined − additive (negative favours joined); se: SE paired over runs"
        quantities["held_out_difference_fold_se"] = "SE of the difference over folds"
        let object: [String: Any] = [
            "file": "calibrate.csv", "experiment": "calibrate", "columns": csvHeader.map { ["name": $0, "meaning": columns[$0]!] },
            "quantities": quantities, "verdict": verdictSentence(result),
            "data": ["n_column": result.table.columns.featureCount, "d": describe(result.table.columns), "loss_column": result.table.columns.loss],
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// "N = 'col', D = 'col'/(6N), L = 'col'".
    static func describe(_ c: RunColumns) -> String {
        switch c.data {
        case let .tokens(d): return "N = '\(c.featureCount)', D = '\(d)', L = '\(c.loss)'"
        case let .flop(f): return "N = '\(c.featureCount)', D = '\(f)'/(6N), L = '\(c.loss)'"
        }
    }

    /// A quantity's label in the text table.
    static func label(_ q: CalibratedQuantity) -> String {
        switch q {
        case .computeOptimalModelExponent: return "N* ∝ C^x, x"
        case .computeOptimalDataExponent: return "D* ∝ C^x, x"
        case .optimalFeatureCount: return "N*(C)"
        case .optimalSampleCount: return "D*(C)"
        case .tokensPerParameter: return "D*/N*(C)"
        case .optimalLoss: return "L(N*, D*)"
        case .peakFeatureCount: return "N_peak(D*)"
        default: return q.rawValue
        }
    }

    /// `text` padded with spaces to `width` characters (on the left when `right`).
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// Six significant digits.
    static func g(_ x: Double) -> String { String(format: "%.6g", x) }
}

extension CalibratedQuantity {
    /// Position in `allCases`.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
