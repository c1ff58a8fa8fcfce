import Foundation

/// The activations of one sample beyond the hubs 1…h (docs/theory.md §8): coordinates h+1…L (L = M, or the
/// index cap for M = ∞) are independently active with p_i = i^-β. With the hazard
/// T(j) = Σ_{j<i≤L} −log(1 − p_i), the probability that a sample touches the rest is q = 1 − e^{−T(h)},
/// and given that it does, its first active rest index J satisfies P(J > j) = (e^{T(j)} − 1)/(e^{T(h)} − 1).
/// J is drawn by inverting that law: a table of T for j ≤ h + `tableSize`, and beyond it a safeguarded
/// root search on T computed by its power series Σ_m (1/m)·Σ_{j<i≤L} i^{−mβ} (Euler–Maclaurin).
struct RestActivationLaw: Sendable {
    /// h: the last hub.
    let hubCount: Int
    /// L: the last coordinate that can be active.
    let lastIndex: Int
    /// β.
    let beta: Double
    /// T(h), the hazard of the whole rest (+∞ when β = 0 and the rest is not empty).
    let totalHazard: Double
    /// e^{T(h)} − 1.
    private let totalExpm1: Double
    /// The last tabulated index.
    private let tableEnd: Int
    /// T(j) for j = h…tableEnd (entry j − h), strictly decreasing.
    private let hazards: [Double]

    /// The law of the rest beyond `hubCount` hubs for activation exponent `beta` and last index `lastIndex`.
    init(beta: Double, hubCount h: Int, lastIndex: Int, tableSize: Int = 1 << 16) {
        precondition(h >= 1 && h <= lastIndex && beta >= 0)
        self.beta = beta
        self.hubCount = h
        self.lastIndex = lastIndex
        let end = lastIndex - h <= tableSize ? lastIndex : h + tableSize
        tableEnd = end
        guard beta > 0 else {
            // Every coordinate is active in every sample: the rest is touched unless it is empty.
            totalHazard = h < lastIndex ? .infinity : 0
            totalExpm1 = h < lastIndex ? .infinity : 0
            hazards = []
            return
        }
        var table = [Double](repeating: 0, count: end - h + 1)
        // Backward compensated summation from T(end).
        var sum = Self.seriesHazard(beta: beta, after: end, last: lastIndex)
        var compensation = 0.0
        table[end - h] = sum
        var j = end
        while j > h {
            let term = -log1p(-pow(Double(j), -beta)) - compensation
            let next = sum + term
            compensation = (next - sum) - term
            sum = next
            j -= 1
            table[j - h] = sum
        }
        hazards = table
        totalHazard = table[0]
        totalExpm1 = expm1(table[0])
    }

    /// q = 1 − Π_{h<i≤L}(1 − p_i): the probability that a sample has an active rest coordinate.
    var touchProbability: Double { -expm1(-totalHazard) }

    /// T(j) = Σ_{j<i≤L} −log(1 − p_i) for h ≤ j ≤ L.
    func hazard(after j: Int) -> Double {
        if j >= lastIndex { return 0 }
        if beta == 0 { return .infinity }
        if j <= tableEnd { return hazards[j - hubCount] }
        return Self.seriesHazard(beta: beta, after: j, last: lastIndex)
    }

    /// The first active rest index of a sample that touches the rest (requires h < L).
    func firstActiveIndex(_ rng: inout RandomStream) -> Int {
        precondition(hubCount < lastIndex)
        if beta == 0 { return hubCount + 1 }
        // J = the smallest j > h with T(j) ≤ r, r = log(1 + V·(e^{T(h)} − 1)), V uniform.
        return smallestIndex(after: hubCount, hazardAtMost: log1p(rng.uniform() * totalExpm1))
    }

    /// The next active index after an active (or hub) index j ≥ h, or nil if none: the next activation
    /// after j is beyond i with probability e^{−(T(j) − T(i))}, so it is the smallest i with
    /// T(i) ≤ T(j) − E, E ~ Exp(1), and there is none when T(j) ≤ E.
    func nextActiveIndex(after j: Int, _ rng: inout RandomStream) -> Int? {
        if j >= lastIndex { return nil }
        if beta == 0 { return j + 1 }
        let remaining = hazard(after: j) - rng.exponential()
        guard remaining > 0 else { return nil }
        return smallestIndex(after: j, hazardAtMost: remaining)
    }

    /// The smallest i in (j, L] with T(i) ≤ r, given T(j) > r ≥ 0.
    private func smallestIndex(after j: Int, hazardAtMost r: Double) -> Int {
        if j < tableEnd, hazards[hazards.count - 1] <= r {
            // Smallest t with hazards[t] ≤ r, t in (j − h, table end] (hazards[j − h] > r).
            var lo = j - hubCount, hi = hazards.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) >> 1
                if hazards[mid] <= r { hi = mid } else { lo = mid }
            }
            return hubCount + hi
        }
        return searchBeyondTable(after: max(j, tableEnd), r)
    }

    /// The smallest i in (start, L] with T(i) ≤ r, for start ≥ tableEnd and r < T(start): power-law
    /// steps x ↦ x·(T(x)/r)^{1/(β−1)} with neighbour checks, a bisection every third step.
    private func searchBeyondTable(after start: Int, _ r: Double) -> Int {
        var lo = start, hi = lastIndex
        var x = Double(lo), tx = hazard(after: lo)
        var step = 0
        while hi - lo > 1 {
            var j: Int
            if beta > 1 && step % 3 != 2 {
                let guess = x * pow(tx / r, 1 / (beta - 1))
                j = guess >= Double(hi - 1) ? hi - 1 : max(lo + 1, Int(guess.rounded(.up)))
            } else {
                j = lo + (hi - lo) / 2
            }
            let tj = Self.seriesHazard(beta: beta, after: j, last: lastIndex)
            x = Double(j)
            tx = tj
            if tj <= r {
                hi = j
                if j - 1 > lo {
                    if Self.seriesHazard(beta: beta, after: j - 1, last: lastIndex) > r { lo = j - 1 }
                }
            } else {
                lo = j
                if j + 1 < hi {
                    let t1 = Self.seriesHazard(beta: beta, after: j + 1, last: lastIndex)
                    if t1 <= r { hi = j + 1 } else { lo = j + 1; x = Double(j + 1); tx = t1 }
                }
            }
            step += 1
        }
        return hi
    }

    /// T(j) = Σ_{j<i≤L} −log(1 − i^{−β}) = Σ_{m≥1} (1/m)·Σ_{j<i≤L} i^{−mβ}, for β > 0: summed directly
    /// when fewer than 4096 terms or j < 4096, else by the power series with Euler–Maclaurin sums.
    static func seriesHazard(beta: Double, after j: Int, last: Int) -> Double {
        if j >= last { return 0 }
        if last - j <= 4096 {
            var sum = 0.0
            var i = last
            while i > j {
                sum += -log1p(-pow(Double(i), -beta))
                i -= 1
            }
            return sum
        }
        if j < 4096 {
            var sum = seriesHazard(beta: beta, after: 4096, last: last)
            var i = 4096
            while i > j {
                sum += -log1p(-pow(Double(i), -beta))
                i -= 1
            }
            return sum
        }
        var total = 0.0
        var m = 1.0
        while m < 10_000 {
            let term = powerSum(exponent: m * beta, from: Double(j + 1), through: Double(last)) / m
            total += term
            if term <= 1e-18 * total { break }
            m += 1
        }
        return total
    }

    /// Σ_{a≤i≤b} i^{−s} for integers 4096 ≤ a ≤ b, by Euler–Maclaurin to the fifth derivative
    /// (relative error below 1e-20 for a ≥ 4096 and moderate s).
    static func powerSum(exponent s: Double, from a: Double, through b: Double) -> Double {
        let u = 1 - s
        let logRatio = log(b / a)
        let integral = u == 0 ? logRatio : pow(a, u) * expm1(u * logRatio) / u
        func derivative1(_ x: Double) -> Double { -s * pow(x, -s - 1) }
        func derivative3(_ x: Double) -> Double { -s * (s + 1) * (s + 2) * pow(x, -s - 3) }
        func derivative5(_ x: Double) -> Double { -s * (s + 1) * (s + 2) * (s + 3) * (s + 4) * pow(x, -s - 5) }
        return integral + 0.5 * (pow(a, -s) + pow(b, -s))
            + (derivative1(b) - derivative1(a)) / 12
            - (derivative3(b) - derivative3(a)) / 720
            + (derivative5(b) - derivative5(a)) / 30240
    }
}
