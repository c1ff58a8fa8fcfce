import Foundation

/// A finite mixture of loss laws (e.g. the law given the data mixed over the rank r), with an optional
/// mass at +∞ for components whose law is not modelled. Quantiles by bisection on the mixed CDF.
public struct LossLawMixture: Sendable, Hashable, Codable {
    /// The components and their probabilities.
    public let components: [Component]
    /// Probability assigned to losses beyond every quantile asked for (unmodelled components).
    public let massAtInfinity: Double

    /// One law and its probability.
    public struct Component: Sendable, Hashable, Codable {
        /// The probability of this component.
        public let weight: Double
        /// The law of the loss given this component.
        public let law: BetaPrimeLossLaw

        /// A component with weight ≥ 0.
        public init(weight: Double, law: BetaPrimeLossLaw) {
            self.weight = weight
            self.law = law
        }
    }

    /// A mixture; the weights and `massAtInfinity` are normalized to sum to one.
    public init(components: [Component], massAtInfinity: Double = 0) {
        let total = components.reduce(massAtInfinity) { $0 + $1.weight }
        precondition(total > 0, "a mixture needs positive total weight")
        self.components = components.map { Component(weight: $0.weight / total, law: $0.law) }
        self.massAtInfinity = massAtInfinity / total
    }

    /// P(L ≤ loss).
    public func cdf(_ loss: Double) -> Double {
        components.reduce(0) { $0 + $1.weight * $1.law.cdf(loss) }
    }

    /// The p-quantile to ~1e-10 relative, or nil when it lies in the mass at infinity: from the quantile
    /// of the heaviest component, the bracket is widened geometrically, then solved by Illinois steps in ln L.
    public func quantile(_ p: Double) -> Double? {
        precondition(p > 0 && p < 1, "quantile level must be in (0, 1)")
        guard p < 1 - massAtInfinity else { return nil }
        guard let heaviest = components.max(by: { $0.weight < $1.weight }) else { return nil }
        let floor = components.filter { $0.weight > 0 }.map { $0.law.minimum }.min() ?? 0
        if cdf(floor) >= p { return floor }
        var guess = heaviest.law.quantile(p)
        if !(guess > floor) || !guess.isFinite { guess = max(2 * floor, 1e-300) }
        var lo = guess, hi = guess
        var guardCount = 0
        while cdf(lo) > p, guardCount < 400 {
            hi = lo
            lo = max(floor, floor + (lo - floor) / 1.5)
            guardCount += 1
        }
        while cdf(hi) < p, guardCount < 400 {
            lo = hi
            hi *= 1.5
            guardCount += 1
        }
        guard hi.isFinite, lo > 0 else { return nil }
        // cdf is increasing, so −cdf is decreasing through −p on [lo, hi].
        return MonotoneRoot.decreasing(from: lo, to: hi, target: -p) { -cdf($0) }
    }
}
