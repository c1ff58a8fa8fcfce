import Foundation

/// The cross injection into the fast coordinates, drawn for one draw of the decoupled law (docs/theory-online-sgd.md,
/// "The cross injection over seeds"): coordinate j's injected error obeys e_j ← (1 − ηx_j²)e_j − ηx_j·u with
/// u = Σ_{i≠j} e_i x_i, and forgets within 1/(1 − r'_j) steps; so over a window of recent steps, with the other
/// coordinates' errors held at the draw's values, it is a short linear recursion in sampled inputs (internal).
struct FastCoordinateInjection: Sendable {
    /// The fast coordinates (0-based), those whose injected error forgets within `memoryLimit` steps.
    let fast: [Int]
    /// The window simulated before each checkpoint: three of the slowest fast coordinate's memories.
    let window: Int
    private let p: [Double]
    private let activeScale: [Double]  // √a_i
    private let eta: Double
    /// Index blocks [2^k, 2^(k+1)) with their largest activation probability, for sampling the active set by thinning.
    private let blocks: [(lo: Int, hi: Int, pMax: Double)]

    /// Coordinates whose injected error forgets within this many steps are drawn; slower ones hold many injections
    /// and are taken at their mean.
    static let memoryLimit = 32.0

    /// The 1-based indices of the fast coordinates for step size η (memory 1/(1 − r'_j) ≤ `memoryLimit`,
    /// r'_j = 1 − p_j(2ηa_j − 3η²a_j²) − η²λ_j²); coordinates are in decreasing order of λ, so they are 1…J.
    static func fastIndices(_ parameters: DataParameters, stepSize eta: Double) -> [Int] {
        var out: [Int] = []
        var i = 1
        while i <= min(parameters.inputDimension.finiteValue ?? Int.max, 4096) {
            let forget = forgetRate(p: parameters.activationProbability(i), activeVariance: parameters.activeVariance(i), stepSize: eta)
            guard forget > 0, 1 / forget <= memoryLimit else { break }
            out.append(i)
            i += 1
        }
        return out
    }

    /// 1 − r'_j = p_j(2ηa_j − 3η²a_j²) + η²λ_j² (λ_j = p_ja_j): the rate at which coordinate j forgets its injected error.
    static func forgetRate(p: Double, activeVariance a: Double, stepSize eta: Double) -> Double {
        p * (2 * eta * a - 3 * eta * eta * a * a) + eta * eta * (p * a) * (p * a)
    }

    /// The sampler for coordinates 1…`p.count` (activation probabilities p, active variances a) at step size η.
    init(parameters: DataParameters, stepSize eta: Double, p: [Double], activeVariance a: [Double]) {
        fast = Self.fastIndices(parameters, stepSize: eta).map { $0 - 1 }.filter { $0 < p.count }
        var slowest = 1.0
        for j in fast { slowest = max(slowest, 1 / Self.forgetRate(p: p[j], activeVariance: a[j], stepSize: eta)) }
        window = Int((3 * slowest).rounded(.up))
        self.p = p
        activeScale = a.map { $0.squareRoot() }
        self.eta = eta
        var blocks: [(Int, Int, Double)] = []
        var lo = 0
        while lo < p.count {
            let hi = min(p.count, 2 * lo + 1)
            blocks.append((lo, hi, p[lo...(hi - 1)].max() ?? 0))
            lo = hi
        }
        self.blocks = blocks
    }

    /// Σ_j λ_j e_j² over the fast coordinates after min(window, t) steps from e_j = 0, with the other coordinates'
    /// errors |e_i| = `magnitude(i)` (a fresh teacher for a coordinate not yet seen) and signs drawn.
    func draw(steps t: Int, lambda: [Double], magnitude: (Int, inout LawSampler) -> Double, random: inout LawSampler) -> Double {
        guard !fast.isEmpty, t > 0 else { return 0 }
        var injected = [Double](repeating: 0, count: fast.count)
        var fastInput = [Double](repeating: 0, count: fast.count)
        for _ in 0..<min(window, t) {
            var signal = 0.0
            for f in fast.indices { fastInput[f] = 0 }
            for block in blocks where block.pMax > 0 {
                var i = block.lo - 1
                let logMiss = log1p(-min(block.pMax, 1))
                while true {
                    // The next candidate at rate pMax, accepted with p_i/pMax.
                    i += 1 + (block.pMax >= 1 ? 0 : Int(log(random.uniform()) / logMiss))
                    if i >= block.hi { break }
                    if block.pMax < 1 && random.uniform() * block.pMax >= p[i] { continue }
                    let x = activeScale[i] * random.normal()
                    if let f = fast.firstIndex(of: i) {
                        fastInput[f] = x
                    } else {
                        signal += magnitude(i, &random) * x
                    }
                }
            }
            // The fast coordinates' own decoupled errors are spent (r_j^t ≪ 1 at the checkpoints compared), and each
            // receives the others' signal, including the other fast coordinates' injected errors.
            var fastSignal = 0.0
            for f in fast.indices { fastSignal += injected[f] * fastInput[f] }
            for f in fast.indices where fastInput[f] != 0 {
                let x = fastInput[f]
                let u = signal + fastSignal - injected[f] * x
                injected[f] = (1 - eta * x * x) * injected[f] - eta * x * u
            }
        }
        var sum = 0.0
        for f in fast.indices { sum += lambda[fast[f]] * injected[f] * injected[f] }
        return sum
    }
}
