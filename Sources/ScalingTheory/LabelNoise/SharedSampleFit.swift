import Foundation

/// One draw of the coordinates seen at most `LabelNoiseLossLaw.rareCount` times, fitted jointly where they
/// share samples (docs/theory-label-noise.md, "Coordinates that share samples"): each rare coordinate gets
/// its k distinct sample indices out of D; samples holding rare coordinates link them into connected
/// components; a sample's label residual is σε minus the errors of the frequent coordinates active in it
/// (each frequent coordinate j is active in each such sample with probability p_j); every component is
/// solved exactly, ŵ = X⁺(X w* + residual), the minimum-norm fit of the ridgeless model-rich limit.
struct SharedSampleFit {
    /// A rarely seen coordinate: activation probability, active variance, times seen.
    struct Rare {
        var p: Double
        var a: Double
        var k: Int
    }
    /// A frequent coordinate (seen more than `rareCount` times): probability, active variance and its
    /// decoupled fitting error ŵ_j − w*_j.
    struct Frequent {
        var p: Double
        var a: Double
        var error: Double
    }

    /// Σ λ_i (ŵ_i − w*_i)² over the rare coordinates, with and without the noise (same data and w*).
    private(set) var excess = 0.0
    private(set) var noiselessExcess = 0.0
    /// Σ ŵ_i² over the rare coordinates (the fitted readout's norm, for the finite-N tail factor).
    private(set) var fittedNorm = 0.0
    /// The rank of the rare coordinates' block (≤ their count: two coordinates seen only in the same
    /// sample give one direction).
    private(set) var rank = 0

    /// Draws the sample indices, the residuals and the amplitudes with `rng`, and fits every component.
    init(rare: [Rare], frequent: [Frequent], sampleCount d: Int, sigma: Double, rng: inout LawSampler) {
        guard !rare.isEmpty else { return }
        // Sample indices of each rare coordinate (distinct), rows numbered in order of appearance.
        var rowOf: [Int: Int] = [:]
        var rowsOfCoordinate: [[Int]] = []
        var parent = Array(0..<rare.count)
        var firstOwner: [Int] = []
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for (c, coordinate) in rare.enumerated() {
            var samples: [Int] = []
            while samples.count < min(coordinate.k, d) {
                let s = min(d - 1, Int(rng.uniform() * Double(d)))
                if !samples.contains(s) { samples.append(s) }
            }
            var rows: [Int] = []
            for s in samples {
                if let row = rowOf[s] {
                    let a = root(c), b = root(firstOwner[row])
                    if a != b { parent[a] = b }
                    rows.append(row)
                } else {
                    rowOf[s] = firstOwner.count
                    rows.append(firstOwner.count)
                    firstOwner.append(c)
                }
            }
            rowsOfCoordinate.append(rows)
        }
        // Residual of each row: σε minus the frequent coordinates' errors x_nj·e_j in that sample.
        let m = firstOwner.count
        var residual = (0..<m).map { _ in sigma * rng.normal() }
        var order = Array(0..<m)
        for f in frequent {
            let count = rng.binomial(m, f.p)
            for t in 0..<count {
                let pick = t + min(m - t - 1, Int(rng.uniform() * Double(m - t)))
                order.swapAt(t, pick)
                residual[order[t]] -= f.a.squareRoot() * rng.normal() * f.error
            }
        }
        var members: [Int: [Int]] = [:]
        for c in 0..<rare.count { members[root(c), default: []].append(c) }
        for component in members.keys.sorted() {
            fit(members[component]!, rare: rare, rows: rowsOfCoordinate, residual: residual, rng: &rng)
        }
    }

    /// Fits one component exactly (a coordinate alone in its samples: ŵ − w* = Σx·r/Σx²).
    private mutating func fit(_ coordinates: [Int], rare: [Rare], rows: [[Int]], residual: [Double], rng: inout LawSampler) {
        if coordinates.count == 1 {
            let c = coordinates[0], scale = rare[c].a.squareRoot()
            var xx = 0.0, xr = 0.0
            for row in rows[c] {
                let x = scale * rng.normal()
                xx += x * x
                xr += x * residual[row]
            }
            let e = xr / xx, w = rng.normal(), lambda = rare[c].p * rare[c].a
            excess += lambda * e * e
            fittedNorm += (w + e) * (w + e)
            rank += 1
            return
        }
        var local: [Int: Int] = [:]
        for c in coordinates { for row in rows[c] where local[row] == nil { local[row] = local.count } }
        let m = local.count, r = coordinates.count
        var matrix = [Double](repeating: 0, count: m * r)
        var teacher = [Double](repeating: 0, count: r)
        for (j, c) in coordinates.enumerated() {
            let scale = rare[c].a.squareRoot()
            for row in rows[c] { matrix[j * m + local[row]!] = scale * rng.normal() }
            teacher[j] = rng.normal()
        }
        var clean = [Double](repeating: 0, count: m), noisy = [Double](repeating: 0, count: m)
        for (row, i) in local { noisy[i] = residual[row] }
        for j in 0..<r { for i in 0..<m { clean[i] += matrix[j * m + i] * teacher[j] } }
        for i in 0..<m { noisy[i] += clean[i] }
        let solve = MinimumNormSolve(matrix: matrix, rowCount: m, columnCount: r)
        let fitted = solve.solve(noisy), fittedClean = solve.solve(clean)
        rank += solve.rank
        for (j, c) in coordinates.enumerated() {
            let lambda = rare[c].p * rare[c].a
            let e = fitted[j] - teacher[j], e0 = fittedClean[j] - teacher[j]
            excess += lambda * e * e
            noiselessExcess += lambda * e0 * e0
            fittedNorm += fitted[j] * fitted[j]
        }
    }
}
