import Foundation

/// The untouched samples of the sublinear sampler (docs/theory.md §8): samples active only on the hubs
/// 1…h, coordinate 1 always, hub i ∈ {2…h} independently with p_i. Their contribution to A is
/// Σ_P Σ_{samples of pattern P} x_P x_Pᵀ, where the pattern counts are Multinomial(n, π_P) and, given
/// its count n_P, pattern P's sum is Wishart_|P|(n_P, diag(i^−(1+α))_{i∈P}).
///
/// The counts come from a binary split over the free hubs in increasing order (a sequence of conditional
/// binomials, so exactly multinomial): a group of n samples skips to the next hub k with at least one
/// active sample (thinning over hubs with rates 1 − (1 − p_k)^n), splits off a zero-truncated
/// Binomial(n, p_k) group that has k, and continues; empty groups cost nothing. Each final pattern is
/// emitted as columns whose outer products sum to its Wishart matrix: the columns of Σ^½·T for a
/// Bartlett factor T (T_jj² ~ χ²_{n−j}, T_jk ~ N(0, 1) below the diagonal) when n_P ≥ |P|, otherwise
/// the n_P sample vectors themselves.
struct HubPatternAccumulator {
    /// h.
    let hubCount: Int
    /// p_i and i^-(1+α)/2 of the hubs (entries 1…h; entry 0 unused).
    let activation: [Double]
    let amplitude: [Double]

    /// The accumulator for `sampler`'s hubs.
    init(_ sampler: SublinearSampler) {
        hubCount = sampler.hubCount
        activation = (0...sampler.hubCount).map { $0 == 0 ? 0 : sampler.activation($0) }
        amplitude = (0...sampler.hubCount).map { $0 == 0 ? 0 : sampler.amplitude($0) }
    }

    /// The columns (counts, coordinates ascending, values) and the number of non-empty patterns.
    struct Columns {
        var counts: [Int32] = []
        var indices: [Int] = []
        var values: [Double] = []
        var patterns = 0
    }

    /// The columns for `count` untouched samples, drawn from `rng`.
    func columns(count n: Int, rng: inout RandomStream) -> Columns {
        var out = Columns()
        var triangle: [Double] = []
        forEachPattern(count: n, rng: &rng) { pattern, count, rng in
            emit(count, pattern: pattern, triangle: &triangle, rng: &rng, out: &out)
        }
        return out
    }

    /// Draws the multinomial pattern counts of `count` untouched samples and calls `body` with each
    /// non-empty pattern (coordinates ascending, 1 first), its count, and the stream.
    func forEachPattern(
        count n: Int, rng: inout RandomStream, _ body: ([Int], Int, inout RandomStream) -> Void
    ) {
        guard n > 0 else { return }
        var pattern = [1]
        split(n, after: 1, pattern: &pattern, rng: &rng, body)
    }

    /// Splits the `count` samples of the current pattern over the hubs after `start`, recursively.
    private func split(
        _ count: Int, after start: Int, pattern: inout [Int], rng: inout RandomStream,
        _ body: ([Int], Int, inout RandomStream) -> Void
    ) {
        var n = count
        var j = start
        let h = hubCount
        while j < h {
            let nn = Double(n)
            let bound = -expm1(nn * log1p(-activation[j + 1]))
            var step = 1.0
            if bound < 1 { step = 1 + (rng.exponential() / -log1p(-bound)).rounded(.down) }
            guard step.isFinite, step <= Double(h - j) else { break }
            let k = j + Int(step)
            j = k
            let rate = -expm1(nn * log1p(-activation[k]))
            if rate < bound && rng.uniform() >= rate / bound { continue }
            let c = rng.zeroTruncatedBinomial(count: n, probability: activation[k])
            pattern.append(k)
            split(c, after: k, pattern: &pattern, rng: &rng, body)
            pattern.removeLast()
            n -= c
            if n == 0 { return }
        }
        body(pattern, n, &rng)
    }

    /// Emits pattern `pattern`'s columns for its `n` ≥ 1 samples.
    private func emit(_ n: Int, pattern: [Int], triangle: inout [Double], rng: inout RandomStream, out: inout Columns) {
        let d = pattern.count
        out.patterns += 1
        if n < d {
            for _ in 0..<n {
                for i in pattern {
                    out.indices.append(i)
                    out.values.append(amplitude[i] * rng.normal())
                }
                out.counts.append(Int32(d))
            }
            return
        }
        // Bartlett factor T (row-major d × d lower triangle), then the columns of Σ^½ T.
        if triangle.count < d * d { triangle = [Double](repeating: 0, count: d * d) }
        for row in 0..<d {
            for col in 0..<row { triangle[row * d + col] = rng.normal() }
            triangle[row * d + row] = rng.chiSquare(degreesOfFreedom: Double(n - row)).squareRoot()
        }
        for col in 0..<d {
            for row in col..<d {
                out.indices.append(pattern[row])
                out.values.append(amplitude[pattern[row]] * triangle[row * d + col])
            }
            out.counts.append(Int32(d - col))
        }
    }
}
