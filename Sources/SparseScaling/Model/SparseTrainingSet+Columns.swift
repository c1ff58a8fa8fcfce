extension SparseTrainingSet {
    /// Sparse column vectors given chunk by chunk: chunk c's column j has `counts[j]` entries of
    /// `indices` (1-based coordinates, ascending within a column) and `values`, in order.
    struct ColumnChunk: Sendable {
        var counts: [Int32] = []
        var indices: [Int] = []
        var values: [Double] = []
    }

    /// The set whose columns are the chunks' columns in order, restricted to their observed coordinates
    /// (`sampleCount` is then the number of columns). Each chunk is released once copied.
    init(columns input: consuming [ColumnChunk]) {
        var chunks = input
        let columnCount = chunks.reduce(0) { $0 + $1.counts.count }
        let total = chunks.reduce(0) { $0 + $1.indices.count }
        // The observed set: small indices through a bitmap (at most 4 slots per entry), large ones through a set.
        let largestIndex = chunks.map { $0.indices.max() ?? 0 }.max() ?? 0
        let smallLimit = min(1 << 22, largestIndex + 1, max(1 << 12, 4 * total))
        var seenSmall = [Bool](repeating: false, count: smallLimit)
        var seenLarge = Set<Int>()
        for chunk in chunks {
            for i in chunk.indices {
                if i < smallLimit { seenSmall[i] = true } else { seenLarge.insert(i) }
            }
        }
        var observed: [Int] = []
        for i in 1..<max(1, smallLimit) where seenSmall[i] { observed.append(i) }
        observed.append(contentsOf: seenLarge.sorted())
        seenSmall = []
        var smallPosition = [Int32](repeating: -1, count: smallLimit)
        var largePosition: [Int: Int32] = [:]
        for (p, i) in observed.enumerated() {
            if i < smallLimit { smallPosition[i] = Int32(p) } else { largePosition[i] = Int32(p) }
        }
        var offsets = [Int](repeating: 0, count: columnCount + 1)
        var positions: [Int32] = []
        var values: [Double] = []
        positions.reserveCapacity(total)
        values.reserveCapacity(total)
        var d = 0
        var e = 0
        for c in chunks.indices {
            let chunk = chunks[c]
            chunks[c] = ColumnChunk()
            var k = 0
            for count in chunk.counts {
                offsets[d] = e
                for _ in 0..<Int(count) {
                    let i = chunk.indices[k]
                    positions.append(i < smallLimit ? smallPosition[i] : largePosition[i]!)
                    k += 1
                    e += 1
                }
                d += 1
            }
            values.append(contentsOf: chunk.values)
        }
        offsets[columnCount] = e
        self.sampleCount = columnCount
        self.observed = observed
        self.offsets = offsets
        self.positions = positions
        self.values = values
    }
}
