/// Hashes that are the same in every process and release (unlike Swift's seeded `Hasher`).
public enum StableHash {
    /// 64-bit FNV-1a of `bytes`.
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Hash of a work item: FNV-1a 64 of the key's UTF-8, a 0 byte and the seed's 8 little-endian bytes,
    /// followed by MurmurHash3's 64-bit finalizer so that `hash % n` is well spread.
    public static func workItem(key: String, seed: UInt64) -> UInt64 {
        var bytes = Array(key.utf8)
        bytes.append(0)
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: seed >> UInt64(shift)))
        }
        return finalize(fnv1a64(bytes))
    }

    /// MurmurHash3 `fmix64`: a bijection that mixes every input bit into every output bit.
    static func finalize(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}
