import LinearAlgebra

/// The nonlinear feature map f = ReLU(W x). Training needs only the observed columns W_S:
/// F = ReLU(W_S X_S) (N × D, dense).
public enum ReLUFeatures {
    /// F = ReLU(W_S X_S) for sparse samples, formed from each sample's active entries (cost N·k̄·D).
    public static func trainingFeatures(embedding: Matrix, samples: SparseTrainingSet) -> Matrix {
        let n = embedding.rows
        var f = Matrix(rows: n, columns: samples.sampleCount)
        embedding.storage.withUnsafeBufferPointer { w in
            f.storage.withUnsafeMutableBufferPointer { out in
                for d in 0..<samples.sampleCount {
                    let base = d * n
                    for e in samples.offsets[d]..<samples.offsets[d + 1] {
                        let column = Int(samples.positions[e]) * n
                        let value = samples.values[e]
                        for k in 0..<n { out[base + k] += value * w[column + k] }
                    }
                    for k in 0..<n where out[base + k] < 0 { out[base + k] = 0 }
                }
            }
        }
        return f
    }

    /// F = ReLU(W X) for dense samples X (columns are samples).
    public static func trainingFeatures(embedding: Matrix, denseSamples x: Matrix) -> Matrix {
        var f = BLAS.product(embedding, x)
        rectify(&f)
        return f
    }

    /// Replaces every entry by max(0, entry).
    public static func rectify(_ m: inout Matrix) {
        for i in m.storage.indices where m.storage[i] < 0 { m.storage[i] = 0 }
    }
}
