import LinearAlgebra

/// A = a₁₁·e₁e₁ᵀ + Σ_g x_g x_gᵀ over sparse sample vectors x_g (positions in 0..<K), the unnormalized
/// second moment X Xᵀ of a sparse dataset on its observed coordinates. Kept as the sparse sample
/// vectors, and also as a dense K × K matrix when K ≤ `denseLimit` (products then run in BLAS).
/// Its storage is reused by rebuilds.
struct ObservedSecondMoment {
    /// The largest K for which A is also formed densely (8·K² bytes per worker).
    static let denseLimit = 1024

    private(set) var dimension = 0
    private(set) var firstDiagonal = 0.0
    /// Sample g's entries are offsets[g]..<offsets[g + 1] of `positions` and `values`.
    private var offsets: [Int] = []
    private var positions: [Int32] = []
    private var values: [Double] = []
    private var fill: [Int] = []
    /// A as a full column-major K × K matrix when K ≤ `denseLimit`, else empty.
    private var dense: [Double] = []
    private var isDense = false

    /// Rebuilds A from the activations of coordinates other than the first, for D = `sampleCount`
    /// samples. Samples with other activations get a fresh N(0, 1) first coordinate; the rest contribute
    /// only ξ² to A₁₁, whose sum is drawn as one χ² variate. `sampleGroup` is a work array of D zeros,
    /// left zeroed.
    mutating func rebuild(
        dimension k: Int, sampleCount d: Int, activations: [SparseActivation], sampleGroup: inout [Int32],
        rng: inout RandomStream
    ) {
        dimension = k
        // Groups (samples with activations) numbered 1, 2, … in order of first appearance.
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
        sampleGroup.withUnsafeMutableBufferPointer { group in
            activations.withUnsafeBufferPointer { act in
                for e in act.indices {
                    let sample = Int(act[e].sample)
                    if group[sample] == 0 {
                        offsets.append(1)  // the first coordinate's slot
                        group[sample] = Int32(offsets.count - 1)
                    }
                    offsets[Int(group[sample])] += 1
                }
            }
        }
        let groups = offsets.count - 1
        for g in 0..<groups { offsets[g + 1] += offsets[g] }
        let running = offsets[groups]
        if positions.count < running {
            positions = [Int32](repeating: 0, count: running)
            values = [Double](repeating: 0, count: running)
        }
        fill.removeAll(keepingCapacity: true)
        fill.append(contentsOf: offsets)
        values.withUnsafeMutableBufferPointer { v in
            // Coordinate 1 of each such sample: drawn in one run at the end, then moved to the head of
            // its group (group g's head is before the run's slot g, so nothing unread is overwritten).
            rng.fillNormals(v.baseAddress! + running - groups, count: groups)
            for g in 0..<groups {
                positions[fill[g]] = 0
                v[fill[g]] = v[running - groups + g]
                fill[g] += 1
            }
            sampleGroup.withUnsafeMutableBufferPointer { group in
                activations.withUnsafeBufferPointer { act in
                    for e in act.indices {
                        let sample = Int(act[e].sample)
                        let g = Int(group[sample]) - 1
                        positions[fill[g]] = act[e].position
                        v[fill[g]] = act[e].value
                        fill[g] += 1
                    }
                    for e in act.indices { group[Int(act[e].sample)] = 0 }
                }
            }
        }
        let lonely = d - groups
        firstDiagonal = lonely > 0 ? rng.chiSquare(degreesOfFreedom: Double(lonely)) : 0
        isDense = k <= Self.denseLimit
        if isDense { formDense() }
    }

    /// Accumulates the outer products of the sample vectors into `dense`.
    private mutating func formDense() {
        let k = dimension
        if dense.count < k * k { dense = [Double](repeating: 0, count: k * k) }
        dense.withUnsafeMutableBufferPointer { a in
            for i in 0..<(k * k) { a[i] = 0 }
            a[0] = firstDiagonal
            positions.withUnsafeBufferPointer { pos in
                values.withUnsafeBufferPointer { val in
                    for g in 0..<(offsets.count - 1) {
                        let range = offsets[g]..<offsets[g + 1]
                        for e in range {
                            let column = Int(pos[e]) * k
                            let ve = val[e]
                            for f in range { a[column + Int(pos[f])] += ve * val[f] }
                        }
                    }
                }
            }
        }
    }

    /// y = A x.
    func apply(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        if isDense {
            dense.withUnsafeBufferPointer {
                BLAS.gemv(.none, rows: dimension, columns: dimension, $0.baseAddress!, x.baseAddress!, y.baseAddress!)
            }
            return
        }
        for i in 0..<dimension { y[i] = 0 }
        y[0] = firstDiagonal * x[0]
        positions.withUnsafeBufferPointer { pos in
            values.withUnsafeBufferPointer { val in
                for g in 0..<(offsets.count - 1) {
                    let range = offsets[g]..<offsets[g + 1]
                    var s = 0.0
                    for e in range { s += val[e] * x[Int(pos[e])] }
                    for e in range { y[Int(pos[e])] += val[e] * s }
                }
            }
        }
    }
}

/// One nonzero x_{d,i} of a sparse dataset: sample d, the position of coordinate i among the observed
/// coordinates, and its value.
struct SparseActivation {
    var sample: Int32
    var position: Int32
    var value: Double
}
