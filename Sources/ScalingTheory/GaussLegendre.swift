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

    /// ∫_lower^upper g(t) dt with panels no wider than `panelWidth`, 16 points each.
    static func integrate(from lower: Double, to upper: Double, panelWidth: Double,
                          _ g: (Double) -> Double) -> Double {
        guard upper > lower else { return 0 }
        let panels = max(1, Int(((upper - lower) / panelWidth).rounded(.up)))
        let width = (upper - lower) / Double(panels)
        let (nodes, weights) = rule16
        var total = 0.0
        for p in 0..<panels {
            let mid = lower + (Double(p) + 0.5) * width
            var s = 0.0
            for j in 0..<nodes.count { s += weights[j] * g(mid + 0.5 * width * nodes[j]) }
            total += 0.5 * width * s
        }
        return total
    }
}
