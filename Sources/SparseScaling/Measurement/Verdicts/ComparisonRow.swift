import Foundation

/// How a measurement compares with its prediction (`IntervalDecision`, plus "not measured").
public enum Verdict: String, Sendable, Codable {
    /// The prediction lies inside the measurement's 95% confidence interval, and the interval is no
    /// wider than the derived precision. A one-sided claim: the one-sided 95% bound clears the bound.
    case agree
    /// The prediction lies inside the 95% CI, but the CI is wider than the derived precision (or the
    /// measurement has no CI): it cannot tell agreement from a disagreement of that size. A one-sided
    /// claim: its one-sided bounds straddle the bound.
    case inconclusive
    /// The 95% CI excludes the prediction.
    case disagree
    /// Nothing was measured (e.g. the fit failed).
    case notMeasured = "not measured"
}

extension Verdict {
    /// The report's verdict for a decision of the shared rule.
    public init(_ decision: IntervalDecision) {
        switch decision {
        case .agree: self = .agree
        case .inconclusive: self = .inconclusive
        case .disagree: self = .disagree
        }
    }
}

/// One row of the report's "prediction vs measurement" table, decided by the one rule
/// (`IntervalDecision`): agree when the measured 95% CI holds the prediction, disagree when it excludes
/// it, inconclusive when the CI is wider than the stated `precision`.
public struct ComparisonRow: Sendable, Codable {
    /// A stable identifier without measured values, e.g. "paper.alpha_n.joint" (set by the report).
    public var id: String
    /// Whose claim the row tests.
    public var group: ClaimGroup
    /// What is compared, e.g. "α_D (sparse linear D-sweep)".
    public let quantity: String
    /// The predicted value (for a one-sided claim: the bound).
    public let predicted: Double
    /// The measured value.
    public let measured: Double?
    /// Its standard error.
    public let standardError: Double?
    /// The 95% confidence interval of the measurement (one-sided claims: one end may be ±∞).
    public let ciLower: Double?
    /// The upper end of the 95% CI.
    public let ciUpper: Double?
    /// How the CI was made.
    public let intervalMethod: IntervalMethod
    /// A two-sided value, or a one-sided "exceeds" claim.
    public let claim: ClaimKind
    /// The derived precision (`Precision`): the widest CI half-width that can still decide (nil: any width decides).
    public let precision: SourcedValue?
    /// The prediction's own computed uncertainty, printed with its source (nil in every row we make
    /// today: the pure CI rule). Kept under its old name for source compatibility.
    public let tolerance: Double?
    /// Where `tolerance` comes from.
    public let toleranceSource: String?
    /// The verdict.
    public let verdict: Verdict
    /// The prediction as text when it is not a single number (e.g. "> 0").
    public let predictedText: String?
    /// Per-point z-scores of a curve compared with its prediction (nil for a single quantity).
    public let pointZScores: [Double]?
    /// The test's null and its size, or other facts the verdict rests on.
    public let note: String?

    /// A row from a measurement with a normal-approximation 95% CI (± 1.96 SE) unless an `interval` is
    /// given (made as `intervalMethod` says), deciding only when its half-width is within `precision`
    /// (derive it with `Precision`; without one the row cannot decide). `tolerance` is kept so old call sites
    /// compile: nil is the pure CI rule, and a number given without its source decides nothing (the
    /// row is inconclusive, its precision says why). Without SE or interval the row has no CI and is inconclusive.
    public init(quantity: String, predicted: Double, measured: Double?, standardError: Double?,
                interval: (Double, Double)? = nil, tolerance: Double? = nil, precision: SourcedValue? = nil,
                intervalMethod: IntervalMethod? = nil, id: String? = nil, group: ClaimGroup = .paper, note: String? = nil) {
        let method = intervalMethod ?? (interval != nil ? .given : (standardError != nil ? .normal() : .none))
        let unsourced = tolerance.map { _ in Precision.undetermined("a precision was given without its derivation") }
        self.init(id: id ?? Self.identifier(quantity), group: group, quantity: quantity, predicted: predicted, measured: measured,
                  standardError: standardError, interval: interval, method: method, precision: precision ?? unsourced, note: note)
    }

    /// The general row: `interval` (nil: ± 1.96 SE when `standardError` is given) made as `method`,
    /// deciding only when its half-width is within `precision`; a row with no precision names no competing
    /// prediction, so no CI can decide it (inconclusive, and its precision says why).
    public init(id: String, group: ClaimGroup, quantity: String, predicted: Double, measured: Double?, standardError: Double?,
                interval: (Double, Double)?, method: IntervalMethod, precision given: SourcedValue?, note: String? = nil,
                pointZScores: [Double]? = nil) {
        let precision = given ?? Precision.undetermined("no competing prediction was named for this row")
        let normalHalf = standardError.flatMap { $0.isFinite ? 1.96 * $0 : nil }
        let ci: (Double, Double)? = interval ?? normalHalf.flatMap { half in measured.map { ($0 - half, $0 + half) } }
        let halfWidth = interval.map { ($0.1 - $0.0) / 2 } ?? normalHalf
        self.init(id: id, group: group, quantity: quantity, predicted: predicted, predictedText: nil, claim: .equals,
                  measured: measured, standardError: standardError, method: method, precision: precision, note: note,
                  pointZScores: pointZScores, judge: { measured in
            guard let ci, ci.0.isFinite || ci.1.isFinite else { return (nil, .inconclusive) }
            return (ci, Verdict(IntervalDecision(predicted: predicted, measured: measured, lower: ci.0, upper: ci.1,
                                                 halfWidth: halfWidth, resolution: precision.value, tolerance: nil)))
        })
    }

    /// A row for a one-sided prediction "the quantity is positive", stored as one-sided: agree when the
    /// one-sided 95% lower bound (measured − 1.645 SE) lies above 0, disagree when the one-sided upper
    /// bound (measured + 1.645 SE) lies at or below 0, inconclusive otherwise.
    public init(positiveQuantity quantity: String, measured: Double?, standardError: Double?, id: String? = nil,
                group: ClaimGroup = .paper) {
        self.init(id: id ?? Self.identifier(quantity), group: group, quantity: quantity, predicted: 0, predictedText: "> 0",
                  claim: .exceeds, measured: measured, standardError: standardError, method: .oneSidedNormal, precision: nil,
                  note: nil, pointZScores: nil, judge: standardError.map { se in { measured in
            let half = 1.6448536269514722 * se
            let decision = IntervalDecision(exceeds: 0, lowerBound: measured - half, upperBound: measured + half)
            return ((measured - half, .infinity), Verdict(decision))
        } })
    }

    /// A predicted curve against a measured one (`CurveCoverageTest`): disagree when the test rejects its
    /// null (the coverage interval [0, U] excludes 0.95, or the χ² over the points rejects); inconclusive
    /// when too few points let no outcome reject, or when the points' CIs are wider than `precision` (the
    /// median relative half-width `medianRelativeHalfWidth`); agree otherwise.
    public init(id: String, group: ClaimGroup, curve quantity: String, test: CurveCoverageTest,
                medianRelativeHalfWidth: Double?, precision: SourcedValue) {
        let ci = test.interval.map { ($0.lower, $0.upper) }
        self.init(id: id, group: group, quantity: quantity, predicted: test.nominalCoverage, predictedText: "0.95 of the points",
                  claim: .equals, measured: test.points > 0 ? test.fraction : nil, standardError: nil,
                  method: .clopperPearson(count: test.covered, trials: test.points, level: test.coverageLevel), precision: precision,
                  note: test.nullText, pointZScores: test.zScores, judge: { _ in
            guard let ci else { return (nil, .notMeasured) }
            if test.rejects { return (ci, .disagree) }
            guard test.canReject, let width = medianRelativeHalfWidth, width <= precision.value else { return (ci, .inconclusive) }
            return (ci, .agree)
        })
    }

    /// The fields, with the CI and verdict of a finite measurement from `judge`; not measured without
    /// a finite measurement or without a judge (no usable standard error).
    private init(id: String, group: ClaimGroup, quantity: String, predicted: Double, predictedText: String?, claim: ClaimKind,
                 measured: Double?, standardError: Double?, method: IntervalMethod, precision: SourcedValue?, note: String?,
                 pointZScores: [Double]?, judge: ((Double) -> (ci: (Double, Double)?, verdict: Verdict))?) {
        self.id = id
        self.group = group
        self.quantity = quantity
        self.predicted = predicted
        self.predictedText = predictedText
        self.claim = claim
        self.measured = measured
        self.standardError = standardError
        self.intervalMethod = method
        self.precision = precision
        self.tolerance = nil
        self.toleranceSource = nil
        self.note = note
        self.pointZScores = pointZScores
        if let measured, measured.isFinite, let judge {
            let judged = judge(measured)
            (ciLower, ciUpper, verdict) = (judged.ci?.0, judged.ci?.1, judged.verdict)
        } else {
            (ciLower, ciUpper, verdict) = (nil, nil, .notMeasured)
        }
    }

    /// A fallback id from the quantity: lower-case ASCII (α → alpha, β → beta, σ → sigma, … , ² → 2), every
    /// run of other characters than letters, digits and "." as one "_", at most 80 characters. Callers
    /// whose quantity holds measured values pass an id.
    static func identifier(_ quantity: String) -> String {
        let names: [Character: String] = ["α": "alpha", "β": "beta", "γ": "gamma", "η": "eta", "λ": "lambda", "σ": "sigma",
                                          "Γ": "gamma", "²": "2", "³": "3", "−": "_"]
        var slug = ""
        for character in quantity.lowercased() {
            let text = names[character] ?? String(character)
            for scalar in text.unicodeScalars {
                if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == "." {
                    slug.unicodeScalars.append(scalar)
                } else if !slug.hasSuffix("_") {
                    slug += "_"
                }
            }
        }
        return String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "_.")).prefix(80))
    }

    /// This row with another id and group (the report assigns both).
    public func identified(_ id: String, group: ClaimGroup) -> ComparisonRow {
        var row = self
        row.id = id
        row.group = group
        return row
    }
}
