import Foundation

/// The largest eigenvalue of a symmetric positive semidefinite operator by power iteration.
package enum PowerIteration {
    /// λ_max of `apply` on R^dimension, from a fixed deterministic start; stops when the Rayleigh
    /// quotient changes by less than `relativeTolerance` or after `iterations` products.
    package static func largestEigenvalue(
        dimension: Int, iterations: Int = 500, relativeTolerance: Double = 1e-10,
        _ apply: ([Double]) -> [Double]
    ) -> Double {
        guard dimension > 0 else { return 0 }
        // A fixed pseudo-random start (not orthogonal to any eigenvector in practice).
        var rng = RandomStream(seed: 0x5EED, purpose: .replicate, index: UInt64(dimension))
        var u = (0..<dimension).map { _ in rng.normal() }
        normalize(&u)
        var estimate = 0.0
        for _ in 0..<max(1, iterations) {
            var w = apply(u)
            let rayleigh = zip(u, w).reduce(0) { $0 + $1.0 * $1.1 }
            let norm = normalize(&w)
            if norm == 0 { return 0 }
            u = w
            if abs(rayleigh - estimate) <= relativeTolerance * abs(rayleigh) {
                return max(rayleigh, estimate)
            }
            estimate = rayleigh
        }
        return estimate
    }

    @discardableResult
    static func normalize(_ u: inout [Double]) -> Double {
        let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for i in u.indices { u[i] /= norm } }
        return norm
    }
}
