import Foundation

/// A monotonic wall clock for timing the phases of a computation.
package struct PhaseClock: Sendable {
    private var last: UInt64

    /// A clock started now.
    package init() { last = DispatchTime.now().uptimeNanoseconds }

    /// Seconds since the clock started or since the previous lap, and restarts the lap.
    package mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }

    /// Seconds taken by `body`, with its result.
    package static func measure<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        var clock = PhaseClock()
        let value = try body()
        return (clock.lap(), value)
    }
}
