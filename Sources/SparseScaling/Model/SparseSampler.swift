import Foundation

/// Draws the active coordinates of sparse samples (docs/theory.md §2): coordinate i is active with
/// probability p_i = min(1, i^-β) and then has value i^-(1+α)/2 · ξ, ξ ~ N(0, 1). Only active
/// coordinates are touched, so M = ∞ costs no more than a large finite M.
public struct SparseSampler: Sendable {
    /// The largest coordinate index ever drawn when M = ∞ (W columns stay addressable below it).
    public static let indexCap = 1 << 62

    /// The data distribution.
    public let parameters: DataParameters
    /// The seed shared by data, embedding and teacher.
    public let seed: UInt64
    /// Which counter space the samples come from (training or test data).
    public let purpose: StreamPurpose

    /// Powers of the first coordinates, computed once per process (the same expressions as in the loop, so the
    /// samples are bit for bit those computed without the table).
    private let table: PowerTable

    /// A sampler for `parameters` under `seed`.
    public init(parameters: DataParameters, seed: UInt64, purpose: StreamPurpose = .trainingData) {
        self.parameters = parameters
        self.seed = seed
        self.purpose = purpose
        self.table = PowerTable.shared(beta: parameters.beta, amplitudeExponent: -(1 + parameters.alpha) / 2)
    }

    /// The last coordinate that can be active: M, or the index cap for M = ∞.
    public var lastIndex: Int { parameters.inputDimension.finiteValue ?? Self.indexCap }

    /// Appends sample `sampleIndex`'s active coordinates (ascending) and values to the buffers.
    public func appendSample(_ sampleIndex: Int, indices: inout [Int], values: inout [Double]) {
        var rng = RandomStream(seed: seed, purpose: purpose, index: UInt64(sampleIndex))
        // Coordinate 1 is always active (p_1 = 1); the others by thinning.
        indices.append(1)
        values.append(rng.normal())
        table.appendActive(after: 1, through: lastIndex, rng: &rng, indices: &indices, values: &values)
    }

    /// Expected number of active coordinates beyond the index cap in one sample (M = ∞ only):
    /// Σ_{i > cap} i^-β ≈ cap^(1−β)/(β−1), negligible unless β is very close to 1.
    public var massBeyondCap: Double {
        guard parameters.inputDimension == .infinite else { return 0 }
        let beta = parameters.beta
        return pow(Double(Self.indexCap), 1 - beta) / (beta - 1)
    }
}
