import Foundation

/// How a row's 95% confidence interval was made, as a kind (for scripts) and a sentence (for readers):
/// every verdict row records one, so a reader can tell what the interval resolves.
public struct IntervalMethod: Sendable, Codable, Hashable {
    /// The family of the construction.
    public enum Kind: String, Sendable, Codable, Hashable {
        /// measured ± 1.96 SE, the SE from independent seeds (normal approximation).
        case normal
        /// measured ± t_{k, 0.975}·SE with k degrees of freedom (a least-squares fit's residuals).
        case studentT = "student_t"
        /// An SE or interval from resampling seeds (bootstrap), combined with a fit's t interval.
        case bootstrap
        /// Order statistics [x₍ⱼ₎, x₍ₙ₊₁₋ⱼ₎] of the seeds (distribution-free, for a median).
        case orderStatistics = "order_statistics"
        /// The resolution of a grid: a grid-located quantity is known to ± half a grid step.
        case gridResolution = "grid_resolution"
        /// The Wilson score interval of a binomial proportion.
        case wilson
        /// The exact one-sided 95% Clopper–Pearson bound of a binomial proportion.
        case clopperPearson = "clopper_pearson"
        /// A one-sided 95% bound, measured ∓ 1.645 SE (normal approximation).
        case oneSidedNormal = "one_sided_normal"
        /// An interval the caller gave without saying how it was made.
        case given
        /// No interval: the measurement has no standard error.
        case none
    }

    /// The family.
    public let kind: Kind
    /// The construction in words, e.g. "t with 3 degrees of freedom (5-point fit)".
    public let description: String

    /// A method from its kind and description.
    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }

    /// ± 1.96 SE over `seeds` seeds (nil: seeds not stated).
    public static func normal(seeds: Int? = nil) -> IntervalMethod {
        IntervalMethod(kind: .normal, description: "normal approximation ± 1.96 SE" + (seeds.map { " over \($0) seeds" } ?? ""))
    }

    /// ± t·SE with `degreesOfFreedom` degrees of freedom (a fit of `points` points, or of what `of` names).
    public static func studentT(degreesOfFreedom k: Int, of what: String) -> IntervalMethod {
        IntervalMethod(kind: .studentT, description: "t with \(k) degree\(k == 1 ? "" : "s") of freedom (\(what))")
    }

    /// The t interval of a power-law fit of `points` points (k = points − 2).
    public static func fit(points: Int) -> IntervalMethod {
        studentT(degreesOfFreedom: points - 2, of: "least-squares fit of \(points) points; residual scatter only")
    }

    /// A bootstrap over seeds, described by `text`.
    public static func bootstrap(_ text: String) -> IntervalMethod {
        IntervalMethod(kind: .bootstrap, description: text)
    }

    /// The order-statistic interval of a median over `seeds` seeds.
    public static func orderStatistics(seeds: Int) -> IntervalMethod {
        IntervalMethod(kind: .orderStatistics, description: "order statistics of the median over \(seeds) seeds (distribution-free, binomial(n, ½) coverage)")
    }

    /// A grid of multiplicative step `step`: ± half a step in log.
    public static func gridResolution(step: Double, detail: String = "") -> IntervalMethod {
        IntervalMethod(kind: .gridResolution, description: "grid resolution: × \(String(format: "%.3f", step)) per step, ± half a step in log" + (detail.isEmpty ? "" : "; \(detail)"))
    }

    /// The Wilson interval of `count` of `trials`.
    public static func wilson(count: Int, trials: Int) -> IntervalMethod {
        IntervalMethod(kind: .wilson, description: "Wilson score interval of \(count) of \(trials)")
    }

    /// The exact one-sided interval [0, U] of `count` of `trials` at confidence 1 − `level`.
    public static func clopperPearson(count: Int, trials: Int, level: Double = 0.05) -> IntervalMethod {
        IntervalMethod(kind: .clopperPearson, description: "exact one-sided \(String(format: "%g", 100 * (1 - level)))% interval [0, U] of \(count) of \(trials) (Clopper–Pearson, an exact binomial test)")
    }

    /// A one-sided 95% bound m − 1.645 SE (or m + 1.645 SE for the opposite claim).
    public static let oneSidedNormal = IntervalMethod(kind: .oneSidedNormal, description: "one-sided 95% bound, measured − 1.645 SE (normal approximation)")

    /// An interval the caller supplied without its construction.
    public static let given = IntervalMethod(kind: .given, description: "interval as given by the experiment (construction not stated)")

    /// No interval.
    public static let none = IntervalMethod(kind: .none, description: "no interval: no standard error")
}

/// Whose claim a verdict row tests: the paper's, our own predictions beyond it, or the paper's
/// "future work" (label noise, one-pass SGD) where the predictions are ours.
public enum ClaimGroup: String, Sendable, Codable, Hashable, CaseIterable {
    case paper
    case ours
    case futureWork = "future work"
}

/// What a row's prediction claims: a value, or only that the quantity exceeds a bound (one-sided).
public enum ClaimKind: String, Sendable, Codable, Hashable {
    case equals
    case exceeds
}

/// A stated number with where it comes from: the precision below which a row can decide, or a
/// prediction's computed uncertainty. A verdict never uses a number without its source.
public struct SourcedValue: Sendable, Codable, Hashable {
    /// The number.
    public let value: Double
    /// Where it comes from, e.g. "half the distance from the prediction 2 to symmetric scaling … = 1" (`Precision`).
    public let source: String

    /// A value with its source.
    public init(_ value: Double, source: String) {
        self.value = value
        self.source = source
    }
}
