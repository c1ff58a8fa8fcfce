import Testing
@testable import SparseScaling

/// Known-answer vectors of Philox4x32-10 from the Random123 distribution (kat_vectors).
@Suite struct PhiloxTests {
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
}
