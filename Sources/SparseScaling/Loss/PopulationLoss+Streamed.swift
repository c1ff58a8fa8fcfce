import LinearAlgebra

extension PopulationLoss {
    /// Σ_{i∈S} λ_i ((W_iᵀ v) − w*_i)² over the coordinates `coordinates`, each embedding column W_i
    /// regenerated from `embedding`'s stream instead of held (the same value as `observedPart` on W_S;
    /// summed in fixed chunks, so the result does not depend on the thread count).
    public static func observedPart(
        parameters: DataParameters, coordinates: [Int], embedding: RandomEmbedding, teacher: [Double],
        readout v: [Double], threads: Int = ParallelChunks.defaultThreads
    ) -> Double {
        precondition(v.count == embedding.featureCount && teacher.count == coordinates.count)
        let partials = ParallelChunks.map(count: coordinates.count, chunkSize: observedChunk, threads: threads) { range in
            var column = [Double](repeating: 0, count: v.count)
            var sum = 0.0
            for j in range {
                column.withUnsafeMutableBufferPointer { embedding.fillColumn(coordinates[j], into: $0) }
                let diff = BLAS.dot(column, v) - teacher[j]
                sum += parameters.marginalVariance(coordinates[j]) * diff * diff
            }
            return sum
        }
        return partials.reduce(0, +)
    }

    /// Σ_{i∈S} λ_i (p_i − w*_i)² for the projections p_i = W_iᵀ v already computed (`projections`, one per
    /// coordinate): the value of `observedPart` above, summed in the same chunks and order.
    public static func observedPart(
        parameters: DataParameters, coordinates: [Int], projections: [Double], teacher: [Double]
    ) -> Double {
        precondition(projections.count == coordinates.count && teacher.count == coordinates.count)
        var total = 0.0
        for first in stride(from: 0, to: coordinates.count, by: observedChunk) {
            var sum = 0.0
            for j in first..<min(coordinates.count, first + observedChunk) {
                let diff = projections[j] - teacher[j]
                sum += parameters.marginalVariance(coordinates[j]) * diff * diff
            }
            total += sum
        }
        return total
    }

    /// Coordinates per partial sum of the observed loss.
    static let observedChunk = 256
}
