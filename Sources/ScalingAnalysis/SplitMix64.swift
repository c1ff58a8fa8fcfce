/// SplitMix64: 64 random bits per step from a counter advanced by a fixed odd constant. Same state, same
/// numbers on every machine; the seeded generator behind the bootstrap resamples and the theory's Monte Carlo.
public struct SplitMix64: Sendable {
    /// The counter.
    public var state: UInt64

    /// A generator whose counter starts at `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
