import Foundation

/// SplitMix64: a tiny seeded generator, so that random test cases are the same on every run.
public struct SplitMix64: Sendable {
    /// The generator's state; the seed is its first value.
    public var state: UInt64

    /// A generator started at `state`.
    public init(state: UInt64) {
        self.state = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in (0, 1): never 0 or 1, so its logarithm is finite.
    public mutating func openUnit() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// One element of `values`.
    public mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

    /// 10^u with u uniform in [lo, hi).
    public mutating func logUniform(_ lo: Double, _ hi: Double) -> Double { pow(10, lo + (hi - lo) * unit()) }
}
