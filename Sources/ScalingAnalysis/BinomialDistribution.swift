import Foundation

/// The binomial distribution Bin(n, p): its exact cumulative distribution function.
public enum BinomialDistribution {
    /// P(Bin(n, p) ≤ k) = I_{1−p}(n − k, k + 1), the regularized incomplete beta function (exact).
    public static func cdf(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        return IncompleteBeta.regularized(1 - p, a: Double(n - k), b: Double(k + 1))
    }

    /// The smallest k in 0...n with P(Bin(n, p) ≤ k) ≥ `level` (the level-quantile), by bisection.
    public static func quantile(_ level: Double, trials n: Int, probability p: Double) -> Int {
        var (low, high) = (0, n)
        while low < high {
            let mid = (low + high) / 2
            if cdf(mid, trials: n, probability: p) >= level { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
