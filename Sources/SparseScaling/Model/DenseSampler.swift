import Foundation

/// Draws dense baseline samples (Maloney et al. 2022): x_i ~ N(0, λ_i), λ_i = i^-(1+α+β), i = 1…M.
public struct DenseSampler: Sendable {
    /// The data distribution (M must be finite).
    public let parameters: DataParameters
    /// The seed shared by data, embedding and teacher.
    public let seed: UInt64
    /// Which counter space the samples come from.
    public let purpose: StreamPurpose

    /// A sampler for `parameters` (finite M) under `seed`.
    public init(parameters: DataParameters, seed: UInt64, purpose: StreamPurpose = .trainingData) {
        precondition(parameters.inputDimension.finiteValue != nil, "dense data needs a finite M")
        self.parameters = parameters
        self.seed = seed
        self.purpose = purpose
    }

    /// Writes sample `sampleIndex` (all M coordinates) into `buffer`.
    public func fillSample(_ sampleIndex: Int, into buffer: UnsafeMutableBufferPointer<Double>) {
        var rng = RandomStream(seed: seed, purpose: purpose, index: UInt64(sampleIndex))
        let halfExponent = -parameters.varianceExponent / 2
        for i in 0..<buffer.count {
            buffer[i] = pow(Double(i + 1), halfExponent) * rng.normal()
        }
    }
}
