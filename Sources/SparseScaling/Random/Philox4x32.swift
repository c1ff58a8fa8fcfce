/// The Philox4x32-10 counter-based generator (Salmon et al., SC'11): a keyed bijection of a
/// 128-bit counter, so any draw is addressable directly and independent of the order of others.
public struct Philox4x32: Sendable {
    /// The 64-bit key, as two 32-bit words.
    public let key: (UInt32, UInt32)

    private static let m0: UInt64 = 0xD251_1F53
    private static let m1: UInt64 = 0xCD9E_8D57
    private static let w0: UInt32 = 0x9E37_79B9
    private static let w1: UInt32 = 0xBB67_AE85

    /// A generator with the given key words.
    public init(key: (UInt32, UInt32)) { self.key = key }

    /// A generator keyed by a 64-bit seed.
    public init(seed: UInt64) { self.key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)) }

    /// The 10-round Philox block function applied to `counter`.
    @inlinable
    public func block(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k.0 &+= 0x9E37_79B9
                k.1 &+= 0xBB67_AE85
            }
            let p0 = UInt64(0xD251_1F53) &* UInt64(c.0)
            let p1 = UInt64(0xCD9E_8D57) &* UInt64(c.2)
            c = (
                UInt32(truncatingIfNeeded: p1 >> 32) ^ c.1 ^ k.0, UInt32(truncatingIfNeeded: p1),
                UInt32(truncatingIfNeeded: p0 >> 32) ^ c.3 ^ k.1, UInt32(truncatingIfNeeded: p0)
            )
        }
        return c
    }

    /// The blocks of the four consecutive counters (c₀, c₁, c₂, c₃) … (c₀ + 3, c₁, c₂, c₃), word by word
    /// (block 0's four words first); the same numbers as four `block` calls, computed in SIMD lanes.
    @inlinable
    public func fourBlocks(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> SIMD16<UInt32> {
        var x0 = SIMD4<UInt32>(counter.0, counter.0 &+ 1, counter.0 &+ 2, counter.0 &+ 3)
        var x1 = SIMD4<UInt32>(repeating: counter.1)
        var x2 = SIMD4<UInt32>(repeating: counter.2)
        var x3 = SIMD4<UInt32>(repeating: counter.3)
        var k0 = key.0, k1 = key.1
        let m0 = SIMD4<UInt64>(repeating: 0xD251_1F53), m1 = SIMD4<UInt64>(repeating: 0xCD9E_8D57)
        for round in 0..<10 {
            if round > 0 {
                k0 &+= 0x9E37_79B9
                k1 &+= 0xBB67_AE85
            }
            let p0 = SIMD4<UInt64>(truncatingIfNeeded: x0) &* m0
            let p1 = SIMD4<UInt64>(truncatingIfNeeded: x2) &* m1
            x0 = SIMD4<UInt32>(truncatingIfNeeded: p1 &>> 32) ^ x1 ^ SIMD4(repeating: k0)
            x1 = SIMD4<UInt32>(truncatingIfNeeded: p1)
            x2 = SIMD4<UInt32>(truncatingIfNeeded: p0 &>> 32) ^ x3 ^ SIMD4(repeating: k1)
            x3 = SIMD4<UInt32>(truncatingIfNeeded: p0)
        }
        return SIMD16(
            x0[0], x1[0], x2[0], x3[0], x0[1], x1[1], x2[1], x3[1],
            x0[2], x1[2], x2[2], x3[2], x0[3], x1[3], x2[3], x3[3])
    }
}
