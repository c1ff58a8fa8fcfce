import Foundation

/// How many hubs the sublinear sampler uses: the h ∈ [1, min(L, 40)] minimizing the expected cost
///
///     C(h) = c_touched · q(h) · D  +  c_variate · min(2^(h−1), D) · h(h+1)/2,
///
/// the touched samples drawn one by one plus an upper bound on the hub-pattern work (at most
/// min(2^(h−1), D) non-empty patterns over the h − 1 free hubs, each a Bartlett draw of at most
/// h(h+1)/2 variates). The costs are release-build nanoseconds measured on this project's machine.
/// The bound overstates the pattern work (most patterns stay empty), so the rule errs towards fewer hubs.
public enum HubCountRule {
    /// Nanoseconds per touched sample (drawing it and storing its entries).
    public static let touchedSampleCost = 150.0
    /// Nanoseconds per variate of a hub pattern's Bartlett draw.
    public static let variateCost = 10.0
    /// The largest hub count considered.
    public static let maximumHubCount = 40

    /// The hub count for `parameters` and D = `sampleCount`.
    public static func hubCount(parameters: DataParameters, sampleCount: Int) -> Int {
        let costs = expectedCosts(parameters: parameters, sampleCount: sampleCount)
        var best = 1
        for h in costs.indices where costs[h] < costs[best] { best = h }
        return best
    }

    /// C(h) in nanoseconds for h = 1…min(L, `maximumHubCount`) (entry h; entry 0 is +∞).
    public static func expectedCosts(parameters: DataParameters, sampleCount: Int) -> [Double] {
        let last = parameters.inputDimension.finiteValue ?? SparseSampler.indexCap
        let top = min(last, maximumHubCount)
        let d = Double(sampleCount)
        var costs = [Double](repeating: .infinity, count: top + 1)
        // T(h) for h = top down to 1, from T(top).
        var hazard = RestActivationLawCache.instance.law(beta: parameters.beta, hubCount: top, lastIndex: last).totalHazard
        for h in stride(from: top, through: 1, by: -1) {
            if h < top { hazard += -log1p(-parameters.activationProbability(h + 1)) }
            let q = -expm1(-hazard)
            let patterns = min(pow(2, Double(h - 1)), d)
            costs[h] = touchedSampleCost * q * d + variateCost * patterns * Double(h * (h + 1) / 2)
        }
        return costs
    }
}
