import Foundation
import SparseScaling

/// A monotonic wall clock for timing the phases of a computation.
public struct PhaseClock: Sendable {
    private var last: UInt64

    /// A clock started now.
    public init() { last = DispatchTime.now().uptimeNanoseconds }

    /// Seconds since the clock started or since the previous lap, and restarts the lap.
    public mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }

    /// Seconds taken by `body`, with its result.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        var clock = PhaseClock()
        let value = try body()
        return (clock.lap(), value)
    }
}
