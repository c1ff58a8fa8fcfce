import LinearAlgebra

/// The pieces of A = X_S X_Sᵀ that `SparseSecondMomentFactor` needs, gathered from the sparse samples
/// in passes over them (the data-stream part of the sparse factor): the hub count h and the components
/// of the other coordinates, and per component its second moment G_b, its coupling to the hubs C_b, and
/// the hubs' second moment over its samples; plus the hubs' moment over the samples without other
/// coordinates and the hubs' diagonal of A.
public struct SparseMomentBlocks: Sendable {
    /// K = |S|.
    public let observedCount: Int
    /// Number of hubs h (positions 0..<h of the observed set).
    public let hubCount: Int
    /// Size of each component (block), in order of its smallest position.
    public let blockSizes: [Int]
    let blockPositions: [Int32]
    let positionOffsets: [Int]
    let blockHubs: [Int32]
    let hubOffsets: [Int]
    let blockSampleCounts: [Int]
    let gramValues: [Double]
    let gramOffsets: [Int]
    let couplingInput: [Double]
    let couplingInputOffsets: [Int]
    let hubGramValues: [Double]
    let hubGramOffsets: [Int]
    let freeHubMoment: Matrix
    let hubDiagonal: [Double]

    /// Gathers the moments of `samples` the factor needs (one pass to choose the hubs and the
    /// components, then the block moments), or says why the sparse factor declines.
    public init(
        _ samples: SparseTrainingSet, maximumBlockSize: Int = 64, maximumHubCount: Int = 2048
    ) throws(SparseSecondMomentFactor.Declined) {
        let k = samples.observedCount
        guard k > 0 else { throw .empty }
        let offsets = samples.offsets, positions = samples.positions, values = samples.values
        let d = samples.sampleCount

        // 1. The hub count: the smallest h in 1, 2, 4, … whose removal leaves only small components.
        //    Only samples with two or more non-hub entries create edges; they are kept in a shrinking list.
        var edgeEntries: [Int32] = []
        var edgeStarts: [Int] = [0]
        for s in 0..<d {
            let lo = offsets[s], hi = offsets[s + 1]
            var count = 0
            for e in lo..<hi where positions[e] >= 1 { count += 1 }
            guard count >= 2 else { continue }
            for e in lo..<hi where positions[e] >= 1 { edgeEntries.append(positions[e]) }
            edgeStarts.append(edgeEntries.count)
        }
        var parent = [Int32](0..<Int32(k))
        func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]
                x = parent[Int(x)]
            }
            return x
        }
        var componentSize = [Int32](repeating: 0, count: k)
        let hubLimit = max(1, min(maximumHubCount, k / 2))
        var h = 1
        while true {
            // Drop the entries of the current hubs; keep samples with two or more entries left.
            var kept = 0, keptStarts = [0]
            for sIndex in 0..<(edgeStarts.count - 1) {
                let start = kept
                for e in edgeStarts[sIndex]..<edgeStarts[sIndex + 1] where edgeEntries[e] >= Int32(h) {
                    edgeEntries[kept] = edgeEntries[e]
                    kept += 1
                }
                if kept - start >= 2 { keptStarts.append(kept) } else { kept = start }
            }
            edgeEntries.removeLast(edgeEntries.count - kept)
            edgeStarts = keptStarts
            for p in h..<k { parent[p] = Int32(p) }
            for sIndex in 0..<(edgeStarts.count - 1) {
                var first = find(edgeEntries[edgeStarts[sIndex]])
                for e in (edgeStarts[sIndex] + 1)..<edgeStarts[sIndex + 1] {
                    let root = find(edgeEntries[e])
                    if root != first {
                        let (small, large) = root < first ? (root, first) : (first, root)
                        parent[Int(large)] = small
                        first = small
                    }
                }
            }
            for p in h..<k { componentSize[p] = 0 }
            var largest = 0
            for p in h..<k {
                let root = Int(find(Int32(p)))
                componentSize[root] += 1
                largest = max(largest, Int(componentSize[root]))
            }
            if largest <= maximumBlockSize { break }
            if h * 2 > hubLimit { throw .largeComponent(size: largest, hubs: h) }
            h *= 2
        }
        edgeEntries = []
        edgeStarts = []
        componentSize = []

        // 2. Blocks in order of their smallest position; positions ascending within a block.
        var blockOf = [Int32](repeating: -1, count: k)
        var local = [Int32](repeating: 0, count: k)
        var sizes: [Int] = []
        for p in h..<k {
            let root = Int(find(Int32(p)))
            if blockOf[root] < 0 {
                blockOf[root] = Int32(sizes.count)
                sizes.append(0)
            }
            let b = Int(blockOf[root])
            blockOf[p] = Int32(b)
            local[p] = Int32(sizes[b])
            sizes[b] += 1
        }
        parent = []
        let blockCount = sizes.count
        var positionOffsets = [Int](repeating: 0, count: blockCount + 1)
        for b in 0..<blockCount { positionOffsets[b + 1] = positionOffsets[b] + sizes[b] }
        var blockPositions = [Int32](repeating: 0, count: positionOffsets[blockCount])
        for p in h..<k {
            let b = Int(blockOf[p])
            blockPositions[positionOffsets[b] + Int(local[p])] = Int32(p)
        }

        // 3. The diagonal of A_H; the part of A_H − V Vᵀ from samples without non-hub entries (there
        //    V contributes nothing); the samples of each block, bucketed by block (counting sort).
        var schur = Matrix(rows: h, columns: h)
        var hubDiagonal = [Double](repeating: 0, count: h)
        var sampleBlock = [Int32](repeating: -1, count: d)
        for s in 0..<d {
            let lo = offsets[s], hi = offsets[s + 1]
            for e in lo..<hi {
                let p = Int(positions[e])
                if p < h { hubDiagonal[p] += values[e] * values[e] } else { sampleBlock[s] = blockOf[p] }
            }
        }
        schur.storage.withUnsafeMutableBufferPointer { pa in
            for s in 0..<d where sampleBlock[s] < 0 {
                let lo = offsets[s], hi = offsets[s + 1]
                for e1 in lo..<hi {
                    let p1 = Int(positions[e1]), v1 = values[e1]
                    for e2 in lo..<hi { pa[p1 + Int(positions[e2]) * h] += v1 * values[e2] }
                }
            }
        }
        var samplesPerBlock = [Int](repeating: 0, count: blockCount + 1)
        for s in 0..<d where sampleBlock[s] >= 0 { samplesPerBlock[Int(sampleBlock[s]) + 1] += 1 }
        for b in 0..<blockCount { samplesPerBlock[b + 1] += samplesPerBlock[b] }
        var blockSamples = [Int32](repeating: 0, count: samplesPerBlock[blockCount])
        var fill = samplesPerBlock
        for s in 0..<d where sampleBlock[s] >= 0 {
            let b = Int(sampleBlock[s])
            blockSamples[fill[b]] = Int32(s)
            fill[b] += 1
        }
        sampleBlock = []
        fill = []

        // 4. Block by block: the hubs co-active with it, G_b, C_bᵀ (block × hubs) and A_H|_b.
        var hubStamp = [Int32](repeating: -1, count: h)
        var hubLocal = [Int32](repeating: 0, count: h)
        var blockHubs: [Int32] = []
        var hubOffsets = [Int](repeating: 0, count: blockCount + 1)
        var gramValues: [Double] = [], couplingInput: [Double] = [], hubGramValues: [Double] = []
        var gramOffsets = [Int](repeating: 0, count: blockCount + 1)
        var couplingInputOffsets = [Int](repeating: 0, count: blockCount + 1)
        var hubGramOffsets = [Int](repeating: 0, count: blockCount + 1)
        var blockSampleCounts = [Int](repeating: 0, count: blockCount)
        var hubsHere: [Int32] = []
        for b in 0..<blockCount {
            let m = sizes[b]
            hubsHere.removeAll(keepingCapacity: true)
            for si in samplesPerBlock[b]..<samplesPerBlock[b + 1] {
                let s = Int(blockSamples[si])
                for e in offsets[s]..<offsets[s + 1] {
                    let p = Int(positions[e])
                    if p < h, hubStamp[p] != Int32(b) {
                        hubStamp[p] = Int32(b)
                        hubsHere.append(Int32(p))
                    }
                }
            }
            hubsHere.sort()
            for (i, p) in hubsHere.enumerated() { hubLocal[Int(p)] = Int32(i) }
            let hb = hubsHere.count
            let g0 = gramValues.count, c0 = couplingInput.count, q0 = hubGramValues.count
            gramValues.append(contentsOf: repeatElement(0, count: m * m))
            couplingInput.append(contentsOf: repeatElement(0, count: m * hb))
            hubGramValues.append(contentsOf: repeatElement(0, count: hb * hb))
            for si in samplesPerBlock[b]..<samplesPerBlock[b + 1] {
                let s = Int(blockSamples[si])
                let lo = offsets[s], hi = offsets[s + 1]
                for e1 in lo..<hi {
                    let p1 = Int(positions[e1]), v1 = values[e1]
                    if p1 >= h {
                        let l1 = Int(local[p1])
                        for e2 in lo..<hi {
                            let p2 = Int(positions[e2])
                            if p2 >= h {
                                gramValues[g0 + l1 + Int(local[p2]) * m] += v1 * values[e2]
                            } else {
                                couplingInput[c0 + l1 + Int(hubLocal[p2]) * m] += v1 * values[e2]
                            }
                        }
                    } else {
                        let l1 = Int(hubLocal[p1])
                        for e2 in lo..<hi where positions[e2] < Int32(h) {
                            hubGramValues[q0 + l1 + Int(hubLocal[Int(positions[e2])]) * hb] += v1 * values[e2]
                        }
                    }
                }
            }
            blockSampleCounts[b] = samplesPerBlock[b + 1] - samplesPerBlock[b]
            blockHubs.append(contentsOf: hubsHere)
            hubOffsets[b + 1] = blockHubs.count
            gramOffsets[b + 1] = gramValues.count
            couplingInputOffsets[b + 1] = couplingInput.count
            hubGramOffsets[b + 1] = hubGramValues.count
        }
        self.observedCount = k
        self.hubCount = h
        self.blockSizes = sizes
        self.blockPositions = blockPositions
        self.positionOffsets = positionOffsets
        self.blockHubs = blockHubs
        self.hubOffsets = hubOffsets
        self.blockSampleCounts = blockSampleCounts
        self.gramValues = gramValues
        self.gramOffsets = gramOffsets
        self.couplingInput = couplingInput
        self.couplingInputOffsets = couplingInputOffsets
        self.hubGramValues = hubGramValues
        self.hubGramOffsets = hubGramOffsets
        self.freeHubMoment = schur
        self.hubDiagonal = hubDiagonal
    }
}
