import Foundation

/// Sums over coordinates Σ_{i=1}^{M} f(i), M possibly infinite, of two smooth summands at once
/// (internal). The first `headCount` terms are summed exactly; the rest as the midpoint rule
/// ∫_{H+½}^{M+½} f − [f′]/24 (error ~ (7/5760)·f‴, below 1e-8 of the tail at H = 64 for power-like f),
/// with the integral by composite 16-point Gauss–Legendre in ln x up to `numericEnd` and, beyond it,
/// by the caller's closed form of the summand's asymptote.
enum CoordinateSum {
    static let headCount = 64
    /// Panel width in ln x; the summands vary on scales ≥ 1/β there, with singularities ≥ π/(1+α) off the axis.
    static let panelWidth = 0.5

    /// Σ_{i=1}^{M} f(i), with `asymptoticIntegral(a, b)` = ∫_a^b of f's asymptote for a ≥ numericEnd.
    static func sum<V: SIMD>(upTo m: Int?, numericEnd: Double, _ f: (Double) -> V,
                             asymptoticIntegral: (Double, Double) -> V) -> V where V.Scalar == Double {
        let head = m.map { min($0, headCount) } ?? headCount
        var total = V(repeating: 0)
        for i in 1...max(1, head) where i <= head { total += f(Double(i)) }
        if let m, m <= head { return total }
        let lower = Double(head) + 0.5
        let upper = m.map { Double($0) + 0.5 } ?? .infinity
        let numericUpper = min(upper, max(lower, numericEnd))
        total += integral(from: lower, to: numericUpper, f)
        if upper > numericUpper { total += asymptoticIntegral(numericUpper, upper) }
        // Midpoint-rule correction −[f′(b) − f′(a)]/24 (f′(∞) = 0).
        total += derivative(f, at: lower) / 24
        if upper.isFinite { total -= derivative(f, at: upper) / 24 }
        return total
    }

    /// ∫_a^b f(x) dx in t = ln x, fixed composite 16-point Gauss–Legendre.
    static func integral<V: SIMD>(from a: Double, to b: Double, _ f: (Double) -> V) -> V where V.Scalar == Double {
        guard b > a else { return V(repeating: 0) }
        let lo = log(a), hi = log(b)
        let panels = max(1, Int(((hi - lo) / panelWidth).rounded(.up)))
        let width = (hi - lo) / Double(panels)
        let (nodes, weights) = GaussLegendre.rule16
        var total = V(repeating: 0)
        for p in 0..<panels {
            let mid = lo + (Double(p) + 0.5) * width, half = 0.5 * width
            var panel = V(repeating: 0)
            for j in 0..<nodes.count {
                let x = exp(mid + half * nodes[j])
                panel += (weights[j] * x) * f(x)
            }
            total += half * panel
        }
        return total
    }

    /// f′(x) by a central difference with step 1e-4·x (error ~1e-8 relative, ample for a 1/24 correction).
    static func derivative<V: SIMD>(_ f: (Double) -> V, at x: Double) -> V where V.Scalar == Double {
        let step = 1e-4 * x
        return (f(x + step) - f(x - step)) / (2 * step)
    }
}
