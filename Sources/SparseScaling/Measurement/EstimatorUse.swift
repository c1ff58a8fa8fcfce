/// How one point measured under the conditional estimator actually got its losses: the exact
/// E[L | data] (docs/theory.md §6.1) at every seed, the exact solver at the seeds where N < r + 2, or the
/// sample estimator throughout because the conditional one does not apply to the point.
public struct EstimatorUse: Sendable, Hashable {
    /// N and D of the point.
    public let n: Int, d: Int
    /// Seeds measured.
    public let seeds: Int
    /// Seeds that reported E[L | data] exactly (0 when the estimator does not apply).
    public let conditionalSeeds: Int
    /// Why the conditional estimator does not apply to this point (nil: it does).
    public let inapplicable: String?

    /// The use recorded in `point` (measured by a runner whose estimator is conditional).
    public init(_ point: MeasuredPoint) {
        n = point.n
        d = point.d
        seeds = point.seedCount
        conditionalSeeds = point.conditionalSeeds ?? 0
        var asked = point.specification
        asked.estimator = .conditional
        inapplicable = point.specification.estimator == .conditional ? nil : asked.conditionalInapplicability ?? "not applicable"
    }

    /// Seeds measured by the exact solver (N < r + 2) although the point asked for the conditional mean.
    public var fallbackSeeds: Int { inapplicable == nil ? seeds - conditionalSeeds : 0 }

    /// "N = 64, D = 1024: estimator: exact (fallback: N < r + 2) at 12 of 32 seeds, conditional at 20".
    public var line: String {
        let head = "N = \(n), D = \(d): estimator: "
        if let inapplicable { return head + "sample (conditional does not apply: \(inapplicable))" }
        if fallbackSeeds == 0 { return head + "conditional at all \(seeds) seeds" }
        return head + "exact (fallback: N < r + 2) at \(fallbackSeeds) of \(seeds) seeds, conditional at \(conditionalSeeds)"
    }

    /// The summary of `uses`: the counts of points (and seeds) per outcome, then one line per point
    /// that did not use the conditional mean at every seed.
    public static func report(_ uses: [EstimatorUse]) -> String {
        let exact = uses.filter { $0.inapplicable == nil && $0.fallbackSeeds == 0 }
        let fallback = uses.filter { $0.fallbackSeeds > 0 }
        let inapplicable = uses.filter { $0.inapplicable != nil }
        var lines = ["estimator conditional: \(uses.count) points; \(exact.count) conditional at every seed, "
            + "\(fallback.count) fell back to the exact solver (N < r + 2) at \(fallback.reduce(0) { $0 + $1.fallbackSeeds }) of "
            + "\(fallback.reduce(0) { $0 + $1.seeds }) seeds, \(inapplicable.count) measured with the sample estimator (conditional does not apply)"]
        lines += (fallback + inapplicable).map { "  " + $0.line }
        return lines.joined(separator: "\n")
    }
}
