import Foundation

/// i^-β, log1p(−i^-β) and i^-(1+α)/2 for the first coordinates, where almost every sample's
/// thinning steps land.
struct PowerTable: Sendable {
    /// Coordinates 0..<size are tabulated (entry 0 unused).
    let size: Int
    /// i^-β.
    let activation: [Double]
    /// log1p(−i^-β).
    let logComplement: [Double]
    /// i^amplitudeExponent.
    let amplitude: [Double]
    /// β and the amplitude exponent −(1+α)/2 the table holds powers of.
    let beta: Double, amplitudeExponent: Double

    init(beta: Double, amplitudeExponent: Double, size: Int = 4096) {
        self.size = size
        self.beta = beta
        self.amplitudeExponent = amplitudeExponent
        let indices = (0..<size).map { Double(max(1, $0)) }
        activation = indices.map { pow($0, -beta) }
        logComplement = activation.map { log1p(-$0) }
        amplitude = indices.map { pow($0, amplitudeExponent) }
    }
}

extension PowerTable {
    /// The table for (β, amplitude exponent), built once per process and then shared: sweeps, replicates
    /// and repeated points create many samplers with the same α and β.
    static func shared(beta: Double, amplitudeExponent: Double) -> PowerTable {
        let key = PowerTableCache.Key(beta: beta.bitPattern, amplitudeExponent: amplitudeExponent.bitPattern)
        return PowerTableCache.instance.value(for: key) { PowerTable(beta: beta, amplitudeExponent: amplitudeExponent) }
    }
}

/// The process-wide tables by (β, amplitude exponent).
enum PowerTableCache {
    /// The process's cache.
    static let instance = ProcessCache<Key, PowerTable>(capacity: 64)

    struct Key: Hashable, Sendable {
        let beta: UInt64, amplitudeExponent: UInt64
    }
}

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
