import Foundation
import ScalingTheory

/// The expected number of distinct supports among the sublinear sampler's touched samples (the groups
/// `TouchedSampleGroups` keeps), for the memory estimate. A support is a rest part R (coordinates beyond
/// the hubs) with a hub pattern; the D·π_R samples with rest part R carry E[distinct hub patterns among
/// D·π_R samples] supports (`distinctHubPatterns`). Rest parts of one and two coordinates are summed on a
/// geometric grid of their coordinates (each bin at its largest count, so from above); rest parts with
/// fewer than one expected sample count one support per expected sample, which also bounds the rare
/// rest parts of three or more coordinates.
enum TouchedSupportCount {
    /// E[distinct supports] for D = `sampleCount` samples with hubs 1…`hubCount`.
    static func expected(parameters: DataParameters, sampleCount: Int, hubCount h: Int) -> Double {
        let d = Double(sampleCount), beta = parameters.beta
        guard beta > 1, sampleCount > 0 else { return d }
        let last = parameters.inputDimension.finiteValue ?? SparseSampler.indexCap
        guard last > h else { return 0 }
        let patterns = HubPatternCounter(parameters: parameters, hubCount: h)
        /// Σ_{i ≥ from} p_i up to the last coordinate.
        func tail(_ from: Int) -> Double {
            from > last ? 0 : Zeta.powerSum(beta, from: from, through: parameters.inputDimension.finiteValue)
        }
        // Bins [start, end) of rest coordinates with at least one expected sample, ratio ≈ 1.05.
        var bins: [(start: Int, end: Int)] = []
        var i = h + 1
        while i <= last, d * parameters.activationProbability(i) >= 1 {
            let end = min(last + 1, max(i + 1, Int(Double(i) * 1.05)))
            bins.append((i, end))
            i = end
        }
        // One rest coordinate: the bins, then one support per expected sample beyond them.
        var total = d * tail(i)
        for bin in bins {
            let n = d * parameters.activationProbability(bin.start)
            total += Double(bin.end - bin.start) * patterns.distinct(samples: n)
        }
        // Two rest coordinates i < j: coarser bins (ratio ≈ 1.2) while D·p_i·p_j ≥ 1, then the expected samples.
        var coarse: [(start: Int, end: Int)] = []
        i = h + 1
        while i <= last, d * parameters.activationProbability(i) * parameters.activationProbability(h + 1) >= 1 {
            let end = min(last + 1, max(i + 1, Int(Double(i) * 1.2)))
            coarse.append((i, end))
            i = end
        }
        for (a, first) in coarse.enumerated() {
            let pi = parameters.activationProbability(first.start)
            var next = first.start + 1
            for second in coarse[a...] {
                let n = d * pi * parameters.activationProbability(second.start)
                if n < 1 { break }
                let width = Double(first.end - first.start)
                let pairs = second.start == first.start ? width * (width - 1) / 2 : width * Double(second.end - second.start)
                total += pairs * patterns.distinct(samples: n)
                next = second.end
            }
            total += Double(first.end - first.start) * d * pi * tail(next)
        }
        total += d * tail(i) * tail(h + 1)
        return total
    }
}

/// E[distinct hub patterns among n samples]: hub 1 always active, hubs 2…h independently with p_k, so
/// pattern P ⊆ {2…h} has probability π_P = π_∅·Π_{k∈P} p_k/(1 − p_k), and the count is
/// Σ_P 1 − (1 − π_P)^n (at most n). The patterns are walked depth first by increasing hubs; a subtree
/// whose next pattern expects fewer than 0.05 samples is bounded by its expected samples (the ratios
/// p_k/(1 − p_k) decrease, so all its patterns do too).
struct HubPatternCounter {
    /// p_k/(1 − p_k) for k = 2…h (entry k).
    private let ratio: [Double]
    /// Π_{l ≥ k}(1 + ratio_l) (entry k; entry h + 1 is 1).
    private let suffix: [Double]
    /// π_∅ = Π_{k=2…h}(1 − p_k).
    private let empty: Double
    /// Nodes one count may visit before it returns its bound n.
    static let nodeBudget = 1 << 20

    /// The counter for hubs 1…`hubCount` of `parameters`.
    init(parameters: DataParameters, hubCount h: Int) {
        var ratio = [Double](repeating: 0, count: h + 2)
        var empty = 1.0
        for k in stride(from: 2, through: h, by: 1) {
            let p = min(parameters.activationProbability(k), 1 - 1e-16)
            ratio[k] = p / (1 - p)
            empty *= 1 - p
        }
        var suffix = [Double](repeating: 1, count: h + 2)
        for k in stride(from: h, through: 2, by: -1) { suffix[k] = suffix[k + 1] * (1 + ratio[k]) }
        self.ratio = ratio
        self.suffix = suffix
        self.empty = empty
    }

    /// E[distinct patterns among `n` samples] (from above).
    func distinct(samples n: Double) -> Double {
        guard n > 0 else { return 0 }
        let h = ratio.count - 2
        var total = -expm1(n * log1p(-empty))
        var visited = 0
        var stack: [(start: Int, mass: Double)] = [(2, empty)]
        while let (start, mass) = stack.popLast() {
            for k in stride(from: start, through: h, by: 1) {
                let child = mass * ratio[k]
                if n * child < 0.05 {
                    total += n * mass * (suffix[k] - 1)
                    break
                }
                total += -expm1(n * log1p(-min(child, 1 - 1e-16)))
                stack.append((k + 1, child))
            }
            visited += 1
            if visited > Self.nodeBudget { return n }
        }
        return min(n, total)
    }
}
