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

    init(beta: Double, amplitudeExponent: Double, size: Int = 4096) {
        self.size = size
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
        PowerTableCache.instance.table(beta: beta, amplitudeExponent: amplitudeExponent)
    }
}

/// The process-wide tables by (β, amplitude exponent); emptied when it holds `capacity` of them.
final class PowerTableCache: @unchecked Sendable {
    /// The process's cache.
    static let instance = PowerTableCache()
    /// Tables held before the cache is emptied.
    static let capacity = 64
    private let lock = NSLock()
    private var tables: [Key: PowerTable] = [:]

    private struct Key: Hashable {
        let beta: UInt64, amplitudeExponent: UInt64
    }

    /// The cached table for (β, amplitude exponent), built on first use.
    func table(beta: Double, amplitudeExponent: Double) -> PowerTable {
        let key = Key(beta: beta.bitPattern, amplitudeExponent: amplitudeExponent.bitPattern)
        if let table = lock.withLock({ tables[key] }) { return table }
        let table = PowerTable(beta: beta, amplitudeExponent: amplitudeExponent)
        lock.withLock {
            if tables.count >= Self.capacity { tables.removeAll() }
            tables[key] = table
        }
        return table
    }
}
