import Foundation
import Testing
@testable import SparseScaling

/// The bulk normal fill (blocks drawn many at a time) against one `normal()` call per variate on the
/// same stream: the same numbers bit for bit, and the stream left at the same place, from any start.
@Suite struct FillNormalsTests {
    @Test(arguments: [1, 2, 3, 7, 16, 17, 511, 2048, 100_000])
    func bulkEqualsOneAtATime(count: Int) {
        // Streams started fresh, after one 32-bit word, and after a few variates (mid-buffer).
        for (index, skipWords, skipNormals) in [(UInt64(1), 0, 0), (2, 1, 0), (3, 0, 5), (4, 3, 1)] {
            var bulk = RandomStream(seed: 21, purpose: .embedding, index: index)
            var single = bulk
            for _ in 0..<skipWords { _ = (bulk.next32(), single.next32()) }
            for _ in 0..<skipNormals { _ = (bulk.normal(), single.normal()) }
            var filled = [Double](repeating: .nan, count: count)
            filled.withUnsafeMutableBufferPointer { bulk.fillNormals($0.baseAddress!, count: count, scale: 0.25) }
            let expected = (0..<count).map { _ in 0.25 * single.normal() }
            #expect(filled == expected, "count \(count), index \(index)")
            // The stream continues where the one-at-a-time draws left it.
            #expect((0..<9).map { _ in bulk.next32() } == (0..<9).map { _ in single.next32() })
        }
    }

    /// Enough variates that draws outside the ziggurat's core (the wedges and the tail, about 1%) occur
    /// many times, at every offset within the bulk blocks.
    @Test func rejectionsKeepTheSequence() {
        var rejections = 0
        for index in UInt64(0)..<40 {
            var bulk = RandomStream(seed: 5, purpose: .testData, index: index)
            var single = bulk
            var probe = bulk
            var filled = [Double](repeating: .nan, count: 3000)
            filled.withUnsafeMutableBufferPointer { bulk.fillNormals($0.baseAddress!, count: 3000) }
            #expect(filled == (0..<3000).map { _ in single.normal() })
            for _ in 0..<3000 where !Ziggurat.normal.candidate(probe.next64()).inside { rejections += 1 }
        }
        #expect(rejections > 100)
    }

    /// Embedding columns come from the bulk fill: entry k of column i is the k-th normal of its stream,
    /// scaled by 1/√N.
    @Test func embeddingColumnsAreTheScaledStream() {
        let embedding = RandomEmbedding(featureCount: 300, seed: 8)
        var rng = RandomStream(seed: 8, purpose: .embedding, index: 17)
        let scale = 1 / Double(300).squareRoot()
        #expect(embedding.column(17) == (0..<300).map { _ in scale * rng.normal() })
    }
}
