import Testing
@testable import ResultsStore

@Suite("Sharding")
struct ShardTests {
    @Test("n shards partition the work: every item in exactly one", arguments: [1, 2, 3, 5, 8])
    func partition(count: Int) throws {
        let shards = try (1...count).map { try Shard(index: $0, count: count) }
        var perShard = Array(repeating: 0, count: count)
        for i in 0..<40 {
            let key = sampleConfiguration(i).key
            for seed in [0, 1, 2, 3, 1 << 63, UInt64.max] as [UInt64] {
                let owners = shards.filter { $0.contains(key: key, seed: seed) }
                #expect(owners.count == 1)
                if let owner = owners.first { perShard[owner.index - 1] += 1 }
            }
        }
        // 240 items: each shard gets a fair share (loose bound, the hash is fixed so this is deterministic).
        #expect(perShard.allSatisfy { $0 > 240 / count / 2 })
    }

    @Test("parsing k/n")
    func parsing() throws {
        let shard = try Shard(parsing: "2/8")
        #expect(shard.index == 2 && shard.count == 8)
        #expect(shard.description == "2/8")
        #expect(try Shard(parsing: " 1 / 1 ") == Shard.all)
        for bad in ["0/3", "4/3", "1/0", "-1/2", "a/b", "3", "1/2/3", ""] {
            #expect(throws: StoreError.self) { try Shard(parsing: bad) }
        }
        #expect(throws: StoreError.invalidShard("the shard index must be between 1 and 3, got 4")) {
            try Shard(parsing: "4/3")
        }
        #expect(
            StoreError.invalidShard("\"3\" is not of the form k/n, e.g. 2/8").description
                == "invalid shard: \"3\" is not of the form k/n, e.g. 2/8")
    }

    @Test("FNV-1a 64 matches its published test vectors")
    func fnvVectors() {
        #expect(StableHash.fnv1a64(Array("".utf8)) == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    /// Expected values computed independently (Python: FNV-1a 64 then MurmurHash3 fmix64).
    @Test("the work-item hash is pinned, so shards stay the same across releases")
    func pinned() {
        #expect(StableHash.workItem(key: "alpha=0.5", seed: 1) == StableHash.workItem(key: "alpha=0.5", seed: 1))
        #expect(StableHash.workItem(key: "alpha=0.5", seed: 1) != StableHash.workItem(key: "alpha=0.5", seed: 2))
        #expect(StableHash.workItem(key: "", seed: 0) == 17_662_770_132_820_967_445)
        #expect(StableHash.workItem(key: "alpha=0.5", seed: 12345) == 0x281d_9d90_0213_e2ae)
    }
}
