import Foundation

extension ComparisonRow {
    /// The row as a JSON object, as summary.json and every experiment's JSON write it: `id`, `group`,
    /// `quantity`, `claim`, `measured`, `se`, `verdict`, `ci_method` {kind, description}, `precision`
    /// {value, source}; a two-sided row has `predicted` and `ci95` [lower, upper], a one-sided claim
    /// ("exceeds") its `bound` and `ci95_one_sided` [lower, null]; `z` (per point) and `note` when known.
    /// A missing or non-finite number is null.
    package var jsonObject: [String: Any] {
        func value(_ x: Double?) -> Any { x.map { $0.isFinite ? $0 as Any : NSNull() } ?? NSNull() }
        var object: [String: Any] = [
            "id": id, "group": group.rawValue, "quantity": quantity, "measured": value(measured), "se": value(standardError),
            "verdict": verdict.rawValue, "claim": claim.rawValue,
            "ci_method": ["kind": intervalMethod.kind.rawValue, "description": intervalMethod.description],
            "precision": precision.map { ["value": $0.value, "source": $0.source] as Any } ?? NSNull(),
        ]
        switch claim {
        case .equals:
            object["predicted"] = predictedText.map { $0 as Any } ?? value(predicted)
            if predictedText != nil { object["predicted_value"] = value(predicted) }
            object["ci95"] = [value(ciLower), value(ciUpper)]
        case .exceeds:
            object["bound"] = value(predicted)
            object["ci95_one_sided"] = [value(ciLower), NSNull()]
        }
        if let z = pointZScores { object["z"] = z.map { value($0) } }
        if let note { object["note"] = note }
        return object
    }

    /// One line for the terminal: the verdict, the id, the quantity, predicted and measured values, and
    /// the 95% CI with how it was made (`reproduce` and the experiments print their rows so).
    package var textLine: String {
        let g = { (x: Double) in String(format: "%.4g", x) }
        let predictedValue = predictedText ?? g(predicted)
        let measuredValue = measured.map(g) ?? "—"
        var ci = ""
        if let lo = ciLower, let hi = ciUpper {
            ci = ", 95% CI [\(lo.isFinite ? g(lo) : "−∞"), \(hi.isFinite ? g(hi) : "∞")] (\(intervalMethod.kind.rawValue))"
        }
        return "\(verdict.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) [\(id)] \(quantity): predicted \(predictedValue), measured \(measuredValue)\(ci)"
    }

    /// "2 of 7 rows agree, 4 inconclusive, 1 disagree" (and ", 1 not measured" when a row is).
    package static func countText(_ rows: [ComparisonRow]) -> String {
        let count = { (v: Verdict) in rows.filter { $0.verdict == v }.count }
        let notMeasured = count(.notMeasured)
        return "\(count(.agree)) of \(rows.count) row\(rows.count == 1 ? "" : "s") agree\(rows.count == 1 ? "s" : ""), \(count(.inconclusive)) inconclusive, \(count(.disagree)) disagree"
            + (notMeasured > 0 ? ", \(notMeasured) not measured" : "")
    }
}
