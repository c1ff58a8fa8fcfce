import LinearAlgebra

/// Training samples accessible one at a time as (feature vector f(x_d), label y_d), for minibatch SGD.
public protocol PerSampleFeatures: Sendable {
    /// N, the feature dimension.
    var featureCount: Int { get }
    /// D, the number of samples.
    var sampleCount: Int { get }
    /// Writes f(x_d) into `buffer` (length N) and returns y_d.
    func sample(_ d: Int, into buffer: inout [Double]) -> Double
}

/// Samples given as the columns of a dense feature matrix F (N × D) and labels y.
struct DenseFeatureSamples: PerSampleFeatures {
    /// F (N × D).
    let features: Matrix
    /// y (length D).
    let labels: [Double]

    /// Samples from F and y.
    init(features: Matrix, labels: [Double]) {
        precondition(features.columns == labels.count)
        self.features = features
        self.labels = labels
    }

    var featureCount: Int { features.rows }
    var sampleCount: Int { labels.count }

    func sample(_ d: Int, into buffer: inout [Double]) -> Double {
        let n = features.rows
        features.storage.withUnsafeBufferPointer { p in
            for k in 0..<n { buffer[k] = p[d * n + k] }
        }
        return labels[d]
    }
}

/// Linear features f = W_S x_d of sparse samples, formed from each sample's few active entries
/// (cost N·k̄ per sample; the dense F is never built).
struct SparseLinearFeatureSamples: PerSampleFeatures {
    /// W_S (N × K).
    let embedding: Matrix
    /// The sparse samples X_S.
    let samples: SparseTrainingSet
    /// y (length D).
    let labels: [Double]

    var featureCount: Int { embedding.rows }
    var sampleCount: Int { samples.sampleCount }

    func sample(_ d: Int, into buffer: inout [Double]) -> Double {
        let n = embedding.rows
        for k in 0..<n { buffer[k] = 0 }
        embedding.storage.withUnsafeBufferPointer { w in
            for e in samples.offsets[d]..<samples.offsets[d + 1] {
                let column = Int(samples.positions[e]) * n
                let value = samples.values[e]
                for k in 0..<n { buffer[k] += value * w[column + k] }
            }
        }
        return labels[d]
    }
}
