import Foundation

/// Composite Gauss–Legendre quadrature (internal).
enum GaussLegendre {
    /// Nodes and weights of the 16-point rule on [−1, 1], by Newton's method on P_16.
    static let rule16: (nodes: [Double], weights: [Double]) = rule(points: 16)

    static func rule(points n: Int) -> (nodes: [Double], weights: [Double]) {
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = x
                for k in 2...n {
                    let p2 = ((2 * Double(k) - 1) * x * p1 - (Double(k) - 1) * p0) / Double(k)
                    p0 = p1
                    p1 = p2
                }
                derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
                let step = p1 / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            nodes[i] = x
            weights[i] = 2 / ((1 - x * x) * derivative * derivative)
        }
        return (nodes, weights)
    }

    /// The 16-point rule on one interval.
    @inline(__always)
    static func panel(_ lower: Double, _ upper: Double, _ g: (Double) -> Double) -> Double {
        let (nodes, weights) = rule16
        let mid = 0.5 * (lower + upper), half = 0.5 * (upper - lower)
        var s = 0.0
        for j in 0..<nodes.count { s += weights[j] * g(mid + half * nodes[j]) }
        return half * s
    }

    /// Panels an integral starts with at most (wider panels when the range is long).
    static let maxPanels = 8_192
    /// Panel evaluations one integral may spend on bisection (about 10^6 evaluations of g).
    static let refinementBudget = 1 << 16

    /// ∫_lower^upper g(t) dt for g ≥ 0: panels no wider than `panelWidth` (at most `maxPanels` of
    /// them), each bisected until the 16-point rule on the halves agrees with the whole to
    /// `relativeTolerance` of the integral, so steep stretches are resolved wherever they contribute.
    /// Bisection also stops at rounding level, when the disagreement stops shrinking (noise in g,
    /// e.g. exp of a large exponent), and when `refinementBudget` is spent, so the cost is bounded.
    static func integrate(from lower: Double, to upper: Double, panelWidth: Double,
                          relativeTolerance: Double = 1e-14, _ g: (Double) -> Double) -> Double {
        guard upper > lower else { return 0 }
        precondition(lower.isFinite && upper.isFinite, "Gauss–Legendre needs finite limits")
        let wanted = ((upper - lower) / panelWidth).rounded(.up)
        let panels = wanted.isNaN ? maxPanels : Int(max(1, min(Double(maxPanels), wanted)))
        let width = (upper - lower) / Double(panels)
        let edges = (0...panels).map { p in p == panels ? upper : lower + Double(p) * width }
        let coarse = (0..<panels).map { panel(edges[$0], edges[$0 + 1], g) }
        let tolerance = relativeTolerance * coarse.reduce(0) { $0 + abs($1) }
        var budget = refinementBudget
        var total = 0.0
        for p in 0..<panels {
            total += refine(edges[p], edges[p + 1], whole: coarse[p], tolerance: tolerance,
                            previousDifference: .infinity, depth: 0, budget: &budget, g)
        }
        return total
    }

    private static func refine(_ lower: Double, _ upper: Double, whole: Double, tolerance: Double,
                               previousDifference: Double, depth: Int, budget: inout Int,
                               _ g: (Double) -> Double) -> Double {
        let mid = 0.5 * (lower + upper)
        let left = panel(lower, mid, g), right = panel(mid, upper, g)
        budget -= 2
        let difference = abs(left + right - whole)
        if depth >= 30 || budget <= 0 || difference <= tolerance || difference <= 1e-15 * (abs(left) + abs(right))
            || difference > 0.25 * previousDifference {
            return left + right
        }
        return refine(lower, mid, whole: left, tolerance: 0.5 * tolerance,
                      previousDifference: difference, depth: depth + 1, budget: &budget, g)
            + refine(mid, upper, whole: right, tolerance: 0.5 * tolerance,
                     previousDifference: difference, depth: depth + 1, budget: &budget, g)
    }
}
