import Foundation

/// Roots of a decreasing function of a positive variable (internal): f(x) = target on a bracket
/// [lower, upper] with f(lower) ≥ target ≥ f(upper), solved in ln x by the Illinois variant of
/// regula falsi, which keeps the bracket and converges superlinearly.
enum MonotoneRoot {
    /// The x in [lower, upper] with f(x) = target to `relativeTolerance` in f (or in x).
    static func decreasing(from lower: Double, to upper: Double, target: Double,
                           relativeTolerance: Double = 1e-12, _ f: (Double) -> Double) -> Double {
        var a = log(lower), b = log(upper)
        var fa = f(lower) - target, fb = f(upper) - target
        if fa <= 0 { return lower }
        if fb >= 0 { return upper }
        var side = 0
        for _ in 0..<200 {
            var c = (a * fb - b * fa) / (fb - fa)
            if !(c > min(a, b) && c < max(a, b)) { c = 0.5 * (a + b) }
            let fc = f(exp(c)) - target
            if abs(fc) <= relativeTolerance * abs(target) || abs(b - a) <= 1e-15 * max(1, abs(c)) {
                return exp(c)
            }
            if fc > 0 {
                a = c
                fa = fc
                if side == -1 { fb *= 0.5 }
                side = -1
            } else {
                b = c
                fb = fc
                if side == 1 { fa *= 0.5 }
                side = 1
            }
        }
        return exp(0.5 * (a + b))
    }
}
