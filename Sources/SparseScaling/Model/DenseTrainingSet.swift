import LinearAlgebra

/// D dense baseline samples as the M × D matrix X (every coordinate active in every sample).
public struct DenseTrainingSet: Sendable {
    /// The samples, one per column (M × D).
    public let samples: Matrix

    /// Draws D samples of all M coordinates on up to `threads` threads.
    public init(sampler: DenseSampler, sampleCount: Int, threads: Int = ParallelChunks.defaultThreads) {
        let m = sampler.parameters.inputDimension.finiteValue!
        var x = Matrix(rows: m, columns: sampleCount)
        x.storage.withUnsafeMutableBufferPointer { buffer in
            let base = SendablePointer(buffer.baseAddress)
            _ = ParallelChunks.map(count: sampleCount, chunkSize: 256, threads: threads) { range in
                for d in range {
                    sampler.fillSample(d, into: UnsafeMutableBufferPointer(start: base.pointer! + d * m, count: m))
                }
                return 0
            }
        }
        samples = x
    }

    /// The coordinate indices 1…M (all observed).
    public var observed: [Int] { Array(1...samples.rows) }
}
