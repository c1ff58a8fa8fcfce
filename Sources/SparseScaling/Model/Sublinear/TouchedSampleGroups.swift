import LinearAlgebra

/// The sublinear sampler's touched samples grouped by support (their set of active coordinates), so
/// that their memory does not grow with D: a support's samples are kept as they are while there are at
/// most as many as its coordinates s, and beyond that as their sum Σ x xᵀ (s × s), which `columns()`
/// factors into at most s columns. A = Σ x xᵀ and S are those of the samples (to rounding), and the
/// memory is O(Σ_P min(c_P, s_P)·s_P) over the supports P with c_P samples, instead of O(D_T·k̄).
/// Groups keep the order in which their supports first appear, so the result depends only on the order
/// of the samples added.
struct TouchedSampleGroups {
    /// Group of each support hash (collisions probe the next hash).
    private var slots: [UInt64: Int32] = [:]
    /// Group g's support is `supports[supportStarts[g]..<supportStarts[g] + supportLengths[g]]`.
    private var supportStarts: [Int] = []
    private var supportLengths: [Int32] = []
    private var supports: [Int] = []
    /// Samples in each group.
    private var counts: [Int] = []
    /// Group g's samples (count·s values, sample by sample) while count ≤ s, then their sum Σ x xᵀ
    /// (s × s, column-major).
    private var data: [[Double]] = []

    /// Number of samples added.
    private(set) var sampleCount = 0

    /// Number of groups (distinct supports).
    var groupCount: Int { counts.count }

    /// Adds the columns of `chunk` (each a sample, coordinates ascending) in order.
    mutating func add(_ chunk: SparseTrainingSet.ColumnChunk) {
        var k = 0
        for count in chunk.counts {
            let s = Int(count)
            add(indices: chunk.indices[k..<(k + s)], values: chunk.values[k..<(k + s)])
            k += s
        }
    }

    /// Adds one sample with active `indices` (ascending) and their `values`.
    private mutating func add(indices: ArraySlice<Int>, values: ArraySlice<Double>) {
        sampleCount += 1
        let s = indices.count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in indices { hash = (hash ^ UInt64(truncatingIfNeeded: i)) &* 0x0000_0100_0000_01b3 }
        var group = -1
        while let g = slots[hash] {
            let start = supportStarts[Int(g)]
            if Int(supportLengths[Int(g)]) == s, supports[start..<(start + s)].elementsEqual(indices) {
                group = Int(g)
                break
            }
            hash = hash &+ 0x9e37_79b9_7f4a_7c15
        }
        if group < 0 {
            group = counts.count
            slots[hash] = Int32(group)
            supportStarts.append(supports.count)
            supportLengths.append(Int32(s))
            supports.append(contentsOf: indices)
            counts.append(1)
            data.append(Array(values))
            return
        }
        counts[group] += 1
        let c = counts[group]
        if c <= s {
            data[group].append(contentsOf: values)
            return
        }
        if c == s + 1 {
            // Turn the s stored samples into their sum of outer products.
            let raw = data[group]
            var gram = [Double](repeating: 0, count: s * s)
            for j in 0..<s { Self.addOuter(raw[(j * s)..<((j + 1) * s)], into: &gram, size: s) }
            data[group] = gram
        }
        Self.addOuter(values, into: &data[group], size: s)
    }

    /// gram += x xᵀ (s × s, column-major).
    private static func addOuter(_ x: ArraySlice<Double>, into gram: inout [Double], size s: Int) {
        let base = x.startIndex
        for col in 0..<s {
            let xc = x[base + col]
            for row in 0..<s { gram[col * s + row] += x[base + row] * xc }
        }
    }

    /// The equivalent columns, group by group: a group's samples, or for a group of c > s samples the
    /// columns of R with R Rᵀ = Σ x xᵀ (pivoted Cholesky at unit diagonal; directions below s·ε of the
    /// diagonal, i.e. rounding, are dropped). Empties the groups.
    mutating func columns() -> SparseTrainingSet.ColumnChunk {
        var out = SparseTrainingSet.ColumnChunk()
        slots = [:]
        for g in counts.indices {
            let s = Int(supportLengths[g]), start = supportStarts[g]
            let support = supports[start..<(start + s)]
            let values = data[g]
            data[g] = []
            if counts[g] <= s {
                for j in 0..<counts[g] {
                    out.indices.append(contentsOf: support)
                    out.values.append(contentsOf: values[(j * s)..<((j + 1) * s)])
                    out.counts.append(Int32(s))
                }
                continue
            }
            var scale = [Double](repeating: 0, count: s)
            for i in 0..<s { scale[i] = values[i * s + i].squareRoot() }
            var unit = [Double](repeating: 0, count: s * s)
            for col in 0..<s {
                for row in 0..<s where scale[row] > 0 && scale[col] > 0 {
                    unit[col * s + row] = values[col * s + row] / (scale[row] * scale[col])
                }
            }
            guard let factor = try? PivotedCholesky(Matrix(rows: s, columns: s, columnMajor: unit)) else {
                preconditionFailure("dpstrf rejected a well-formed \(s) × \(s) semidefinite matrix")
            }
            for col in 0..<factor.rank {
                var entries: Int32 = 0
                for row in 0..<s {
                    let v = factor.factor[row, col] * scale[row]
                    if v != 0 {
                        out.indices.append(support[start + row])
                        out.values.append(v)
                        entries += 1
                    }
                }
                if entries > 0 { out.counts.append(entries) }
            }
        }
        counts = []
        supports = []
        supportStarts = []
        supportLengths = []
        return out
    }
}
