import Foundation
import LinearAlgebra

/// The largest eigenvalue of a symmetric positive semidefinite operator by the Lanczos method with
/// full reorthogonalization. Ritz values increase monotonically to λ_max, so any Ritz value is a
/// certified lower bound; the iteration stops when the top Ritz value changes by less than the
/// relative tolerance, when the Krylov space is exhausted, or as soon as it exceeds `stopAbove`.
package struct LanczosLargestEigenvalue {
    /// Relative change of the top Ritz value that counts as converged.
    package var relativeTolerance: Double
    /// Cap on Lanczos steps.
    package var maxSteps: Int

    /// A solver with the given tolerance and step cap.
    package init(relativeTolerance: Double = 1e-11, maxSteps: Int = 120) {
        self.relativeTolerance = relativeTolerance
        self.maxSteps = maxSteps
    }

    /// Reusable buffers of the iteration (the Krylov basis and the tridiagonal matrix), so that
    /// repeated calls of the same size allocate nothing.
    package struct Workspace: Sendable {
        var basis: [Double] = []
        var residual: [Double] = []
        var overlaps: [Double] = []
        var alphas: [Double] = []
        var betas: [Double] = []

        /// Empty buffers; they grow to the largest problem seen.
        package init() {}

        mutating func prepare(dimension k: Int, steps: Int) {
            if basis.count < steps * k { basis = [Double](repeating: 0, count: steps * k) }
            if residual.count < k { residual = [Double](repeating: 0, count: k) }
            if overlaps.count < steps { overlaps = [Double](repeating: 0, count: steps) }
            alphas.removeAll(keepingCapacity: true)
            betas.removeAll(keepingCapacity: true)
        }
    }

    /// λ_max of `apply` (writes op·x into its second argument) on R^dimension from start vector `start`;
    /// returns early with a lower bound > `stopAbove` when one is found.
    package func largestEigenvalue(
        dimension k: Int, start: [Double], stopAbove: Double = .infinity,
        _ apply: (_ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) -> Void
    ) -> Double {
        var workspace = Workspace()
        return largestEigenvalue(dimension: k, start: start, stopAbove: stopAbove, workspace: &workspace, apply)
    }

    /// As `largestEigenvalue(dimension:start:stopAbove:_:)`, with the buffers of `workspace`.
    package func largestEigenvalue(
        dimension k: Int, start: [Double], stopAbove: Double = .infinity, workspace: inout Workspace,
        _ apply: (_ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) -> Void
    ) -> Double {
        precondition(start.count >= k, "Lanczos start vector shorter than the dimension")
        let steps = min(maxSteps, k)
        var norm = start[0..<k].reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm == 0 || steps == 0 { return 0 }
        workspace.prepare(dimension: k, steps: steps)
        var alphas = workspace.alphas, betas = workspace.betas
        workspace.alphas = []
        workspace.betas = []
        defer {
            workspace.alphas = alphas
            workspace.betas = betas
        }
        var theta = 0.0
        workspace.basis.withUnsafeMutableBufferPointer { qb in
        workspace.residual.withUnsafeMutableBufferPointer { w in
        workspace.overlaps.withUnsafeMutableBufferPointer { h in
            let q = qb.baseAddress!
            for i in 0..<k { q[i] = start[i] / norm }
            for j in 0..<steps {
                apply(UnsafeBufferPointer(start: q + j * k, count: k), w)
                // Full reorthogonalization by classical Gram–Schmidt, twice.
                var alpha = 0.0
                for _ in 0..<2 {
                    BLAS.gemv(.transposed, rows: k, columns: j + 1, q, w.baseAddress!, h.baseAddress!)
                    alpha += h[j]
                    BLAS.gemv(.none, rows: k, columns: j + 1, alpha: -1, q, h.baseAddress!, beta: 1, w.baseAddress!)
                }
                alphas.append(alpha)
                let newTheta = Self.largestTridiagonalEigenvalue(alphas, betas)
                norm = 0
                for i in 0..<k { norm += w[i] * w[i] }
                norm = norm.squareRoot()
                if newTheta > stopAbove {
                    theta = newTheta
                    return
                }
                let converged = j >= 2 && abs(newTheta - theta) <= relativeTolerance * abs(newTheta)
                theta = newTheta
                if converged || j + 1 == steps || norm <= 1e-14 * max(abs(theta), 1e-300) { return }
                betas.append(norm)
                let next = q + (j + 1) * k
                for i in 0..<k { next[i] = w[i] / norm }
            }
        }
        }
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
