import Foundation

extension PowerTable {
    /// Appends the active coordinates among start+1…last (coordinate i active with p_i = min(1, i^-β),
    /// independently) and their values i^-(1+α)/2·ξ, ascending, by thinning: skip ahead geometrically
    /// with the bound q = p_{j+1} ≥ p_k for every k > j, then accept candidate k with probability p_k / q.
    /// The one random stream both samplers draw from (per-sample: after coordinate 1; sublinear: the hubs).
    @inline(__always)
    func appendActive(
        after start: Int, through last: Int, rng: inout RandomStream, indices: inout [Int], values: inout [Double]
    ) {
        var j = start
        while j < last {
            let small = j + 1 < size
            let q = small ? activation[j + 1] : pow(Double(j + 1), -beta)
            var step = 1.0
            if q < 1 {
                step = 1 + (rng.exponential() / -(small ? logComplement[j + 1] : log1p(-q))).rounded(.down)
            }
            guard step < Double(last - j) + 1, step.isFinite else { break }
            let k = j + Int(step)
            if k > last { break }
            let accept = q < 1 ? (k < size ? activation[k] : pow(Double(k), -beta)) / q : 1
            if accept >= 1 || rng.uniform() < accept {
                indices.append(k)
                values.append((k < size ? amplitude[k] : pow(Double(k), amplitudeExponent)) * rng.normal())
            }
            j = k
        }
    }
}
