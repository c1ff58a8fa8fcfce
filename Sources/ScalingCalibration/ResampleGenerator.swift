import ScalingAnalysis

/// SplitMix64, seeded per resample or fold: the same seed gives the same resamples on every machine and
/// with any number of threads.
struct ResampleGenerator: Sendable {
    /// The underlying generator.
    var bits: SplitMix64

    /// The generator of stream `stream` under `seed`.
    init(seed: UInt64, stream: UInt64) {
        bits = SplitMix64(state: seed)
        bits.state = bits.next() ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = bits.next()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { bits.next() }

    /// Uniform on 0..<n (Lemire's multiply-shift; bias below n/2^64).
    mutating func index(below n: Int) -> Int {
        Int((UInt128(next()) * UInt128(n)) >> 64)
    }
}
