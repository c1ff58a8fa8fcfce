import Foundation

/// The largest eigenvalue of a symmetric positive semidefinite operator by the Lanczos method with
/// full reorthogonalization. Ritz values increase monotonically to λ_max, so any Ritz value is a
/// certified lower bound; the iteration stops when the top Ritz value changes by less than the
/// relative tolerance, when the Krylov space is exhausted, or as soon as it exceeds `stopAbove`.
public struct LanczosLargestEigenvalue {
    /// Relative change of the top Ritz value that counts as converged.
    public var relativeTolerance: Double
    /// Cap on Lanczos steps.
    public var maxSteps: Int

    /// A solver with the given tolerance and step cap.
    public init(relativeTolerance: Double = 1e-11, maxSteps: Int = 120) {
        self.relativeTolerance = relativeTolerance
        self.maxSteps = maxSteps
    }

    /// λ_max of `apply` (writes op·x into its second argument) on R^dimension from start vector `start`;
    /// returns early with a lower bound > `stopAbove` when one is found.
    public func largestEigenvalue(
        dimension k: Int, start: [Double], stopAbove: Double = .infinity,
        _ apply: (_ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) -> Void
    ) -> Double {
        let steps = min(maxSteps, k)
        var basis = [Double](repeating: 0, count: steps * k)
        var w = [Double](repeating: 0, count: k)
        var alphas: [Double] = [], betas: [Double] = []
        var norm = start.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm == 0 { return 0 }
        for i in 0..<k { basis[i] = start[i] / norm }
        var theta = 0.0
        for j in 0..<steps {
            basis.withUnsafeBufferPointer { q in
                w.withUnsafeMutableBufferPointer { wp in
                    apply(UnsafeBufferPointer(rebasing: q[(j * k)..<((j + 1) * k)]), wp)
                }
            }
            // Full reorthogonalization (twice is enough).
            var alpha = 0.0
            for pass in 0..<2 {
                for l in 0...j {
                    var dot = 0.0
                    for i in 0..<k { dot += basis[l * k + i] * w[i] }
                    if pass == 0 && l == j { alpha = dot } else if l == j { alpha += dot }
                    for i in 0..<k { w[i] -= dot * basis[l * k + i] }
                }
            }
            alphas.append(alpha)
            let newTheta = Self.largestTridiagonalEigenvalue(alphas, betas)
            norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if newTheta > stopAbove { return newTheta }
            let converged = j >= 2 && abs(newTheta - theta) <= relativeTolerance * abs(newTheta)
            theta = newTheta
            if converged || j + 1 == steps || norm <= 1e-14 * max(abs(theta), 1e-300) { break }
            betas.append(norm)
            for i in 0..<k { basis[(j + 1) * k + i] = w[i] / norm }
        }
        return theta
    }

    /// The largest eigenvalue of the symmetric tridiagonal matrix with diagonal `a` and
    /// off-diagonal `b`, by bisection on the Sturm sequence.
    static func largestTridiagonalEigenvalue(_ a: [Double], _ b: [Double]) -> Double {
        let m = a.count
        var lo = Double.infinity, hi = -Double.infinity
        for i in 0..<m {
            let r = (i > 0 ? abs(b[i - 1]) : 0) + (i < m - 1 ? abs(b[i]) : 0)
            lo = min(lo, a[i] - r)
            hi = max(hi, a[i] + r)
        }
        // Number of eigenvalues greater than x.
        func countAbove(_ x: Double) -> Int {
            var count = 0
            var q = 1.0
            for i in 0..<m {
                let off = i > 0 ? b[i - 1] * b[i - 1] : 0
                q = a[i] - x - (i > 0 ? off / q : 0)
                if q == 0 { q = 1e-300 }
                if q > 0 { count += 1 }
            }
            return count
        }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if mid <= lo || mid >= hi { break }
            if countAbove(mid) >= 1 { lo = mid } else { hi = mid }
            if hi - lo <= 1e-15 * max(abs(hi), abs(lo)) { break }
        }
        return 0.5 * (lo + hi)
    }
}
