import Foundation

/// The exact sublinear data sampler of docs/theory.md §8. Coordinates split into hubs H = {1…h} and the
/// rest; a sample's hub part and rest part are independent, and only the D_T ~ Binomial(D, q) samples
/// that touch the rest (q = 1 − Π_{i>h}(1 − p_i)) are drawn one by one: their rest part conditioned on
/// being non-empty (`RestActivationLaw`), their hub part unconditionally. The D − D_T untouched samples
/// enter only the hub block, aggregated by hub pattern (`HubPatternAccumulator`). The second moment A and
/// the observed set S have exactly the law of the per-sample `SparseSampler`'s; the random stream differs.
public struct SublinearSampler: Sendable {
    /// The data distribution.
    public let parameters: DataParameters
    /// The seed shared by data, embedding and teacher.
    public let seed: UInt64
    /// h: coordinates 1…h are hubs.
    public let hubCount: Int
    /// The rest's activation law beyond the hubs.
    let rest: RestActivationLaw
    /// Powers of the first coordinates (shared with `SparseSampler`).
    let table: PowerTable

    /// A sampler for `parameters` under `seed`, with `hubCount` hubs (nil: `HubCountRule`'s choice for
    /// D = `sampleCount`).
    public init(parameters: DataParameters, seed: UInt64, sampleCount: Int, hubCount: Int? = nil) {
        self.parameters = parameters
        self.seed = seed
        let last = parameters.inputDimension.finiteValue ?? SparseSampler.indexCap
        let h = min(last, max(1, hubCount ?? HubCountRule.hubCount(parameters: parameters, sampleCount: sampleCount)))
        self.hubCount = h
        self.rest = RestActivationLawCache.law(beta: parameters.beta, hubCount: h, lastIndex: last)
        self.table = PowerTable.shared(beta: parameters.beta, amplitudeExponent: -(1 + parameters.alpha) / 2)
    }

    /// The last coordinate that can be active: M, or the index cap for M = ∞.
    public var lastIndex: Int { rest.lastIndex }

    /// q: the probability that a sample has an active coordinate beyond the hubs.
    public var touchProbability: Double { rest.touchProbability }

    /// Appends one touched sample's active coordinates (ascending) and values: coordinate 1, the other
    /// hubs unconditionally (thinning), then the rest conditioned on at least one active coordinate (each
    /// next active index by inverting its law, `RestActivationLaw`).
    func appendTouchedSample(_ rng: inout RandomStream, indices: inout [Int], values: inout [Double]) {
        indices.append(1)
        values.append(rng.normal())
        appendActive(after: 1, through: hubCount, rng: &rng, indices: &indices, values: &values)
        var index = rest.firstActiveIndex(&rng)
        while true {
            indices.append(index)
            values.append(amplitude(index) * rng.normal())
            guard let next = rest.nextActiveIndex(after: index, &rng) else { break }
            index = next
        }
    }

    /// i^-(1+α)/2.
    @inline(__always)
    func amplitude(_ i: Int) -> Double {
        i < table.size ? table.amplitude[i] : pow(Double(i), -(1 + parameters.alpha) / 2)
    }

    /// p_i = min(1, i^-β) for i ≥ 1.
    @inline(__always)
    func activation(_ i: Int) -> Double {
        i < table.size ? table.activation[i] : pow(Double(i), -parameters.beta)
    }

    /// Appends the active coordinates among j+1…last (each independently with p_i) and their values, by
    /// the thinning `SparseSampler` uses (`PowerTable.appendActive`).
    @inline(__always)
    func appendActive(
        after start: Int, through last: Int, rng: inout RandomStream, indices: inout [Int], values: inout [Double]
    ) {
        table.appendActive(after: start, through: last, rng: &rng, indices: &indices, values: &values)
    }
}

/// The process-wide rest laws by (β, h, L): building one tabulates 2^16 hazards, and replicates and
/// sweeps build many samplers with the same parameters.
enum RestActivationLawCache {
    /// The process's cache.
    static let instance = ProcessCache<Key, RestActivationLaw>(capacity: 32)

    struct Key: Hashable, Sendable {
        let beta: UInt64, hubCount: Int, lastIndex: Int
    }

    /// The cached law, built on first use.
    static func law(beta: Double, hubCount: Int, lastIndex: Int) -> RestActivationLaw {
        let key = Key(beta: beta.bitPattern, hubCount: hubCount, lastIndex: lastIndex)
        return instance.value(for: key) {
            RestActivationLaw(beta: beta, hubCount: hubCount, lastIndex: lastIndex,
                              tableSize: RestActivationLaw.tableSize(hubCount: hubCount, lastIndex: lastIndex))
        }
    }
}
