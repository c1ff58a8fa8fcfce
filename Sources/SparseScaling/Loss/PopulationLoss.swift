import LinearAlgebra

/// The population loss L = Σ_i λ_i (w_eff,i − w*_i)², w_eff = Wᵀ v, split into the observed part
/// (i ∈ S) and the tail (i ∉ S). Exact for linear features: no test set is needed.
public struct LossParts: Sendable, Codable, Equatable {
    /// Σ_{i∈S} λ_i (w_eff,i − w*_i)².
    public let observed: Double
    /// The tail part, expected or realized.
    public let tail: Double
    /// observed + tail.
    public var total: Double { observed + tail }
}

/// Evaluates the population loss of a linear random-feature readout.
public enum PopulationLoss {
    /// Σ_{i∈S} λ_i ((W_Sᵀ v)_i − w*_i)² for coordinates `coordinates` with embedding columns `embedding`.
    public static func observedPart(
        parameters: DataParameters, coordinates: [Int], embedding: Matrix, teacher: [Double], readout v: [Double]
    ) -> Double {
        let effective = BLAS.multiply(embedding, v, trans: .transposed)
        var loss = 0.0
        for (j, i) in coordinates.enumerated() {
            let diff = effective[j] - teacher[j]
            loss += parameters.marginalVariance(i) * diff * diff
        }
        return loss
    }

    /// The expected tail (‖v‖²/N + 1)·Σ_{i∉S} λ_i.
    public static func expectedTail(parameters: DataParameters, observed: [Int], readout v: [Double]) -> Double {
        let normSquared = BLAS.dot(v, v)
        return (normSquared / Double(v.count) + 1) * UnobservedVariance.sum(parameters: parameters, observed: observed)
    }

    /// The realized tail Σ_{i∉S, i≤M} λ_i (W_iᵀ v − w*_i)², drawing every unobserved column (finite M).
    public static func realizedTail(
        parameters: DataParameters, observed: [Int], readout v: [Double], seed: UInt64,
        threads: Int = ParallelChunks.defaultThreads
    ) -> Double {
        guard let m = parameters.inputDimension.finiteValue else {
            preconditionFailure("the realized tail needs a finite M")
        }
        let observedSet = Set(observed)
        let embedding = RandomEmbedding(featureCount: v.count, seed: seed)
        let teacher = Teacher(seed: seed)
        let partials = ParallelChunks.map(count: m, chunkSize: 1024, threads: threads) { range in
            var column = [Double](repeating: 0, count: v.count)
            var sum = 0.0
            for i in (range.lowerBound + 1)...(range.upperBound) where !observedSet.contains(i) {
                column.withUnsafeMutableBufferPointer { embedding.fillColumn(i, into: $0) }
                let diff = BLAS.dot(column, v) - teacher.weight(i)
                sum += parameters.marginalVariance(i) * diff * diff
            }
            return sum
        }
        return partials.reduce(0, +)
    }

    /// The tail by `estimator`: expected (any M) or realized (finite M, columns drawn from `seed`).
    public static func tail(
        _ estimator: TailEstimator, parameters: DataParameters, observed: [Int], readout v: [Double], seed: UInt64,
        threads: Int = ParallelChunks.defaultThreads
    ) -> Double {
        switch estimator {
        case .expected:
            return expectedTail(parameters: parameters, observed: observed, readout: v)
        case .realized:
            return realizedTail(parameters: parameters, observed: observed, readout: v, seed: seed, threads: threads)
        }
    }
}
