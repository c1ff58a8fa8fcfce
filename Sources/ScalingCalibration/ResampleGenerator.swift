/// SplitMix64, seeded per resample or fold: the same seed gives the same resamples on every machine and
/// with any number of threads.
struct ResampleGenerator: Sendable {
    /// The state; advanced by a fixed odd constant per draw.
    var state: UInt64

    /// The generator of stream `stream` under `seed`.
    init(seed: UInt64, stream: UInt64) {
        state = seed
        state = next() ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on 0..<n (Lemire's multiply-shift; bias below n/2^64).
    mutating func index(below n: Int) -> Int {
        Int((UInt128(next()) * UInt128(n)) >> 64)
    }
}
