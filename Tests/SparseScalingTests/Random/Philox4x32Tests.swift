import Testing
@testable import SparseScaling

/// Known-answer vectors of Philox4x32-10 from the Random123 distribution (kat_vectors).
@Suite struct Philox4x32Tests {
    @Test func zeroCounterZeroKey() {
        let g = Philox4x32(key: (0, 0))
        let out = g.block((0, 0, 0, 0))
        #expect([out.0, out.1, out.2, out.3] == [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8])
    }

    @Test func allOnes() {
        let g = Philox4x32(key: (0xffff_ffff, 0xffff_ffff))
        let out = g.block((0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff))
        #expect([out.0, out.1, out.2, out.3] == [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd])
    }

    @Test func piDigits() {
        let g = Philox4x32(key: (0xa409_3822, 0x299f_31d0))
        let out = g.block((0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344))
        #expect([out.0, out.1, out.2, out.3] == [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1])
    }

    @Test func streamsAreReproducibleAndDistinct() {
        var a = RandomStream(seed: 7, purpose: .embedding, index: 12)
        var b = RandomStream(seed: 7, purpose: .embedding, index: 12)
        var c = RandomStream(seed: 7, purpose: .teacher, index: 12)
        let xa = (0..<9).map { _ in a.normal() }
        let xb = (0..<9).map { _ in b.normal() }
        let xc = (0..<9).map { _ in c.normal() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    @Test func bulkBlocksMatchScalarBlocks() {
        let g = Philox4x32(key: (0xa409_3822, 0x299f_31d0))
        for first: UInt32 in [0, 17, 0xffff_fffa] {
            for count in [1, 7, 8, 16, 19, 40, 256] {
                var words = [UInt32](repeating: 0, count: 4 * count)
                words.withUnsafeMutableBufferPointer { g.blocks((first, 0x85a3_08d3, 0x1319_8a2e, 7), count: count, into: $0.baseAddress!) }
                for j in 0..<count {
                    let b = g.block((first &+ UInt32(j), 0x85a3_08d3, 0x1319_8a2e, 7))
                    #expect(Array(words[(4 * j)..<(4 * j + 4)]) == [b.0, b.1, b.2, b.3], "block \(j) of \(count) from \(first)")
                }
            }
        }
    }

    @Test func streamWordsAreTheBlockSequence() {
        let seed: UInt64 = 0x1234_5678_9abc_def0
        var stream = RandomStream(seed: seed, purpose: .trainingData, index: (5 << 32) | 9)
        let g = Philox4x32(seed: seed)
        var expected: [UInt32] = []
        for counter: UInt32 in 0..<21 {
            let b = g.block((counter, 9, 5, StreamPurpose.trainingData.rawValue))
            expected += [b.0, b.1, b.2, b.3]
        }
        // Mixed 32- and 64-bit reads across the one-block and four-block refills.
        var words: [UInt32] = []
        while words.count < expected.count - 1 {
            if words.count % 3 == 0 {
                let w = stream.next64()
                words += [UInt32(truncatingIfNeeded: w >> 32), UInt32(truncatingIfNeeded: w)]
            } else {
                words.append(stream.next32())
            }
        }
        #expect(Array(words.prefix(expected.count)) == Array(expected.prefix(words.count)))
    }
}
