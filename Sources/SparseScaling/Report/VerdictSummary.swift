import Foundation
import ScalingAnalysis

/// What a set of verdict rows says, in words generated from the rows (no number written by hand):
/// the count line and the three-sentence executive summary at the top of the report and verdicts.md.
struct VerdictSummary: Sendable {
    /// The rows summarized.
    let rows: [ComparisonRow]

    /// At most this many disagreeing rows are named in the summary; the rest are counted.
    static let namedDisagreements = 3

    /// "63 rows: 33 agree, 24 inconclusive, 6 disagree" (and "n not measured" when there are any).
    var countLine: String { Self.countLine(rows) }

    /// The count line of `rows`, e.g. one claim group's.
    static func countLine(_ rows: [ComparisonRow]) -> String {
        let count = { (v: Verdict) in rows.filter { $0.verdict == v }.count }
        var parts = ["\(count(.agree)) agree", "\(count(.inconclusive)) inconclusive", "\(count(.disagree)) disagree"]
        if count(.notMeasured) > 0 { parts.append("\(count(.notMeasured)) not measured") }
        return "\(Typography.counted(rows.count, "row")): " + parts.joined(separator: ", ")
    }

    /// Three sentences: what agrees (per claim group), what disagrees and by how many standard errors,
    /// what is inconclusive and why. Plain text in the report's brace notation.
    var sentences: [String] { [agreeSentence, disagreeSentence, inconclusiveSentence] }

    /// Which rows agree, counted per claim group.
    var agreeSentence: String {
        let agree = rows.filter { $0.verdict == .agree }
        guard !agree.isEmpty else { return "No row agrees with its prediction." }
        let perGroup = ClaimGroup.allCases.compactMap { group -> String? in
            let members = rows.filter { $0.group == group }
            guard !members.isEmpty else { return nil }
            return "\(members.filter { $0.verdict == .agree }.count) of \(Self.groupNoun(group, members.count))"
        }
        return "\(Typography.counted(agree.count, "row")) \(agree.count == 1 ? "agrees" : "agree") with \(agree.count == 1 ? "its" : "their") prediction "
            + "(the 95% CI holds it and is no wider than its precision): " + Self.list(perGroup) + "."
    }

    /// Which rows disagree, the first few named with their measurement, prediction and distance in SE.
    var disagreeSentence: String {
        let disagree = rows.filter { $0.verdict == .disagree }
        let unmeasured = rows.filter { $0.verdict == .notMeasured }.count
        let unmeasuredText = unmeasured == 0 ? "" : "; \(Typography.counted(unmeasured, "row")) could not be measured"
        guard !disagree.isEmpty else { return "No row disagrees: no 95% CI excludes its prediction\(unmeasuredText)." }
        let named = disagree.prefix(Self.namedDisagreements).map(Self.disagreement)
        let rest = disagree.count - named.count
        return "\(disagree.count) \(disagree.count == 1 ? "disagrees" : "disagree") (the 95% CI excludes the prediction): "
            + named.joined(separator: "; ") + (rest > 0 ? "; and \(rest) more in the tables below" : "") + unmeasuredText + "."
    }

    /// How many rows are inconclusive, in which groups, and why (CI wider than the precision, or none).
    var inconclusiveSentence: String {
        let inconclusive = rows.filter { $0.verdict == .inconclusive }
        guard !inconclusive.isEmpty else { return "No row is inconclusive: every CI is no wider than its precision." }
        let perGroup = ClaimGroup.allCases.compactMap { group -> String? in
            let n = inconclusive.filter { $0.group == group }.count
            return n == 0 ? nil : "\(n) \(Self.groupAdjective(group))"
        }
        let withoutCI = inconclusive.filter { $0.ciLower == nil || $0.ciUpper == nil }.count
        let withCI = inconclusive.count - withoutCI
        var reasons = [withoutCI == 0 ? (withCI == 1 ? "its CI holds" : "each has a CI that holds") + " the prediction but is wider than its precision"
                       : "\(withCI) \(withCI == 1 ? "has a CI that holds" : "have a CI that holds") the prediction but is wider than its precision"]
        if withoutCI > 0 { reasons.append("\(withoutCI) \(withoutCI == 1 ? "has" : "have") no CI") }
        return "\(inconclusive.count) \(inconclusive.count == 1 ? "is" : "are") inconclusive (" + Self.list(perGroup) + "): "
            + Self.list(reasons) + ", so the measurement can neither confirm nor refute the prediction at that precision."
    }

    /// "α_N (linear) (measured 1.946 ± 0.022, predicted 2, 2.5 SE away)": a disagreeing row in brief.
    static func disagreement(_ r: ComparisonRow) -> String {
        let predicted = r.predictedText ?? UncertainValueFormat.plain(r.predicted)
        guard let m = r.measured else { return "\(shortName(r.quantity)) (predicted \(predicted))" }
        var text = "\(shortName(r.quantity)) (measured \(UncertainValueFormat.string(m, standardError: r.standardError)), predicted \(predicted)"
        if r.claim == .equals, r.pointZScores == nil, let se = r.standardError, se > 0, se.isFinite {
            text += String(format: ", %.1f SE away", abs(m - r.predicted) / se)
        }
        return text + ")"
    }

    /// A quantity's name up to its first parenthesis, colon or semicolon after a few words (the rest
    /// is detail the table row keeps), cut at a word near 80 characters otherwise.
    static func shortName(_ quantity: String) -> String {
        let limit = 80
        var cut = quantity.endIndex
        for separator in [" (", ": ", "; ", ", vs "] {
            if let r = quantity.range(of: separator), quantity.distance(from: quantity.startIndex, to: r.lowerBound) >= 12, r.lowerBound < cut {
                cut = r.lowerBound
            }
        }
        var name = String(quantity[..<cut])
        if name.count > limit, let space = name.prefix(limit).lastIndex(of: " ") { name = String(name[..<space]) + " …" }
        return name
    }

    /// "the paper's 17 claims", "our own 30 predictions", "the 16 future-work predictions".
    static func groupNoun(_ group: ClaimGroup, _ count: Int) -> String {
        switch group {
        case .paper: return "the paper's " + Typography.counted(count, "claim")
        case .ours: return "our own " + Typography.counted(count, "prediction")
        case .futureWork: return "the " + Typography.counted(count, "future-work prediction")
        }
    }

    /// "of the paper's claims", "of our own predictions", "on future work".
    static func groupAdjective(_ group: ClaimGroup) -> String {
        switch group {
        case .paper: return "of the paper's claims"
        case .ours: return "of our own predictions"
        case .futureWork: return "on future work"
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
