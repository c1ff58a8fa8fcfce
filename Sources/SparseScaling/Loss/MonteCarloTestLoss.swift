import Foundation
import LinearAlgebra

/// A Monte-Carlo estimate of the population loss E_x (v·ReLU(Wx) − w*·x)² on fresh test samples
/// (purpose `.testData`): the mean squared error and its standard error sd/√T.
public struct MonteCarloEstimate: Sendable, Codable, Hashable {
    /// The sample mean of the squared errors.
    public var mean: Double
    /// Its standard error (sample standard deviation / √T).
    public var standardError: Double
    /// T, the number of test samples.
    public var sampleCount: Int
}

/// The Monte-Carlo test loss of a ReLU random-feature readout. Test samples activate coordinates
/// never seen in training; their W columns and w* entries are drawn on demand from the
/// counter-based streams, so the estimate is the same for any thread count.
public enum MonteCarloTestLoss {
    /// The estimate for a sparse-data model with embedding columns `embedding` on the observed
    /// coordinates `observed` (ascending), readout `v`, over `testSamples` fresh samples.
    public static func sparse(
        parameters: DataParameters, seed: UInt64, observed: [Int], embedding: Matrix, readout v: [Double],
        testSamples: Int, threads: Int = ParallelChunks.defaultThreads
    ) -> MonteCarloEstimate {
        let n = v.count
        var position: [Int: Int] = [:]
        for (p, i) in observed.enumerated() { position[i] = p }
        let lookup = position
        let sampler = SparseSampler(parameters: parameters, seed: seed, purpose: .testData)
        let fresh = RandomEmbedding(featureCount: n, seed: seed)
        let teacher = Teacher(seed: seed)
        let partials = ParallelChunks.map(count: testSamples, chunkSize: 256, threads: threads) { range in
            var indices: [Int] = [], values: [Double] = []
            var pre = [Double](repeating: 0, count: n)
            var column = [Double](repeating: 0, count: n)
            var errors: [Double] = []
            errors.reserveCapacity(range.count)
            embedding.storage.withUnsafeBufferPointer { w in
                for t in range {
                    indices.removeAll(keepingCapacity: true)
                    values.removeAll(keepingCapacity: true)
                    sampler.appendSample(t, indices: &indices, values: &values)
                    for k in 0..<n { pre[k] = 0 }
                    var label = 0.0
                    for (i, x) in zip(indices, values) {
                        if let p = lookup[i] {
                            for k in 0..<n { pre[k] += x * w[p * n + k] }
                        } else {
                            column.withUnsafeMutableBufferPointer { fresh.fillColumn(i, into: $0) }
                            for k in 0..<n { pre[k] += x * column[k] }
                        }
                        label += teacher.weight(i) * x
                    }
                    var prediction = 0.0
                    for k in 0..<n where pre[k] > 0 { prediction += v[k] * pre[k] }
                    errors.append((prediction - label) * (prediction - label))
                }
            }
            return errors
        }
        return summarize(partials.flatMap { $0 })
    }

    /// The estimate for a dense-data model with the full embedding W (N × M) and teacher weights
    /// `teacher` (length M), readout `v`, over `testSamples` fresh samples.
    public static func dense(
        parameters: DataParameters, seed: UInt64, embedding: Matrix, teacher: [Double], readout v: [Double],
        testSamples: Int, threads: Int = ParallelChunks.defaultThreads
    ) -> MonteCarloEstimate {
        let m = embedding.columns
        let sampler = DenseSampler(parameters: parameters, seed: seed, purpose: .testData)
        let partials = ParallelChunks.map(count: testSamples, chunkSize: 256, threads: threads) { range in
            var x = Matrix(rows: m, columns: range.count)
            x.storage.withUnsafeMutableBufferPointer { buffer in
                for (j, t) in range.enumerated() {
                    sampler.fillSample(t, into: UnsafeMutableBufferPointer(rebasing: buffer[(j * m)..<((j + 1) * m)]))
                }
            }
            var f = BLAS.product(embedding, x)
            ReLUFeatures.rectify(&f)
            let predictions = BLAS.multiply(f, v, trans: .transposed)
            let labels = BLAS.multiply(x, teacher, trans: .transposed)
            return zip(predictions, labels).map { ($0 - $1) * ($0 - $1) }
        }
        return summarize(partials.flatMap { $0 })
    }

    /// Mean and standard error of squared errors.
    static func summarize(_ errors: [Double]) -> MonteCarloEstimate {
        let t = Double(errors.count)
        let mean = errors.reduce(0, +) / t
        let ss = errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let se = errors.count > 1 ? (ss / (t - 1) / t).squareRoot() : .infinity
        return MonteCarloEstimate(mean: mean, standardError: se, sampleCount: errors.count)
    }
}
