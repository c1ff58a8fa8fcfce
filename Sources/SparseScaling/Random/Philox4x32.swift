import CPhilox

/// The Philox4x32-10 counter-based generator (Salmon et al., SC'11): a keyed bijection of a
/// 128-bit counter, so any draw is addressable directly and independent of the order of others.
package struct Philox4x32: Sendable {
    /// The 64-bit key, as two 32-bit words.
    package let key: (UInt32, UInt32)

    private static let m0: UInt64 = 0xD251_1F53
    private static let m1: UInt64 = 0xCD9E_8D57
    private static let w0: UInt32 = 0x9E37_79B9
    private static let w1: UInt32 = 0xBB67_AE85

    /// A generator with the given key words.
    package init(key: (UInt32, UInt32)) { self.key = key }

    /// A generator keyed by a 64-bit seed.
    package init(seed: UInt64) { self.key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)) }

    /// The 10-round Philox block function applied to `counter`.
    @inlinable
    package func block(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
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

    /// The blocks of the `count` consecutive counters (c₀, c₁, c₂, c₃) … (c₀ + count − 1, c₁, c₂, c₃), word
    /// by word into `out` (block 0's four words first): the same numbers as `count` calls of `block`,
    /// computed eight at a time with AVX2 where the processor has it.
    package func blocks(_ counter: (UInt32, UInt32, UInt32, UInt32), count: Int, into out: UnsafeMutablePointer<UInt32>) {
        philox4x32_10_blocks(key.0, key.1, counter.0, counter.1, counter.2, counter.3, Int32(count), out)
    }
}
