import Foundation

/// How many hubs the sublinear sampler uses: the h ∈ [1, min(L, 1024)] minimizing the expected cost
///
///     C(h) = c_touched · q(h) · D  +  c_pattern · E[number of non-empty hub patterns](h),
///
/// the touched samples drawn one by one plus the untouched samples' patterns (each a few binomial
/// splits and a Bartlett draw of a handful of variates). E[non-empty patterns] = Σ_P 1 − (1 − π_P)^D over
/// the 2^(h−1) patterns, computed by a walk over the free hubs, level by level, that stops in subtrees
/// expecting fewer than 0.01 samples, which are then counted by their expected number of samples (an
/// upper bound). Only hubs with D·p_h ≥ 1 are considered. This replaces the bound 2^(h−1)·h² of
/// docs/theory.md §8, which overstates the pattern work by orders of magnitude at large D. The touched-sample
/// cost is the release-build CPU time per touched sample measured on this project's machine (β = 2,
/// D = 10^8, sampling and assembly); the pattern cost is a conservative estimate (a few binomial
/// splits, a Bartlett draw and its columns).
public enum HubCountRule {
    /// CPU nanoseconds per touched sample (drawing it and storing its entries).
    public static let touchedSampleCost = 350.0
    /// CPU nanoseconds per non-empty hub pattern (estimate).
    public static let patternCost = 1000.0
    /// The largest hub count considered.
    public static let maximumHubCount = 1024
    /// Nodes the walk over patterns may visit: D/64 (about a nanosecond per sample), between 10^4 and
    /// 4·10^6; levels it cannot finish are not considered.
    static func nodeBudget(sampleCount: Int) -> Int { min(4_000_000, max(10_000, sampleCount / 64)) }

    /// The hub count for `parameters` and D = `sampleCount`.
    public static func hubCount(parameters: DataParameters, sampleCount: Int) -> Int {
        let costs = expectedCosts(parameters: parameters, sampleCount: sampleCount)
        var best = 1
        for h in costs.indices where costs[h] < costs[best] { best = h }
        return best
    }

    /// C(h) in nanoseconds for h = 1…min(L, `maximumHubCount`) (entry h; entry 0 and levels beyond the
    /// walk's budget are +∞).
    public static func expectedCosts(parameters: DataParameters, sampleCount: Int) -> [Double] {
        let last = parameters.inputDimension.finiteValue ?? SparseSampler.indexCap
        // Hubs beyond the last coordinate expected active in at least one sample cannot pay off.
        let usefulBound = pow(max(1, Double(sampleCount)), 1 / max(parameters.beta, 1e-3)).rounded(.down)
        let useful = usefulBound < Double(maximumHubCount) ? Int(usefulBound) : maximumHubCount
        let top = max(1, min(last, maximumHubCount, useful))
        let d = Double(sampleCount)
        let patterns = expectedPatterns(parameters: parameters, sampleCount: sampleCount, through: top)
        var costs = [Double](repeating: .infinity, count: top + 1)
        // T(h) for h = top down to 1, from T(top).
        var hazard = RestActivationLawCache.law(beta: parameters.beta, hubCount: top, lastIndex: last).totalHazard
        for h in stride(from: top, through: 1, by: -1) {
            if h < top { hazard += -log1p(-parameters.activationProbability(h + 1)) }
            let q = -expm1(-hazard)
            costs[h] = touchedSampleCost * q * d + patternCost * patterns[h]
        }
        return costs
    }

    /// E[number of non-empty hub patterns] among D samples with hubs 1…h, for h = 1…`top` (entry h;
    /// +∞ for levels the walk could not finish within its node budget). Pattern probabilities π_P use all
    /// D samples (an upper bound). The walk goes level by level (hub by hub).
    static func expectedPatterns(parameters: DataParameters, sampleCount: Int, through top: Int) -> [Double] {
        let d = Double(sampleCount)
        var expected = [Double](repeating: .infinity, count: top + 1)
        var frontier: [Double] = [1]  // masses π of the unpruned patterns at the current level
        var next: [Double] = []
        var pruned = 0.0  // expected samples in pruned subtrees (bounds their non-empty patterns)
        var visited = 0
        let budget = nodeBudget(sampleCount: sampleCount)
        expected[1] = 1
        for level in 2...max(2, top) where level <= top {
            let p = parameters.activationProbability(level)
            next.removeAll(keepingCapacity: true)
            for mass in frontier {
                for child in [mass * p, mass * (1 - p)] where child > 0 {
                    if d * child < 0.01 { pruned += d * child } else { next.append(child) }
                }
            }
            visited += next.count
            if visited > budget { break }
            var sum = pruned
            for mass in next { sum += -expm1(d * log1p(-min(mass, 1 - 1e-16))) }
            expected[level] = sum
            swap(&frontier, &next)
        }
        return expected
    }
}
