import Foundation
import SparseScaling

/// The cost of the random draws on one thread, measured in one process in CPU time of the measuring
/// thread (so a loaded machine does not inflate it): the Philox block function (the generator's own
/// throughput), the embedding's normals (W columns), the per-sample sampler's samples and the sublinear
/// sampler's touched samples. Each is the best of a few timings.
package struct DrawRates: Sendable, Codable {
    /// Nanoseconds per Philox4x32-10 block, drawn 256 blocks per call (as `fillNormals` draws them).
    package var philoxBlock: Double
    /// Nanoseconds per block drawn 8 per call (as the stream refills one variate at a time).
    package var philoxBlockByEight: Double
    /// Nanoseconds per normal of `RandomEmbedding.fillColumn` (N entries per column).
    package var normal: Double
    /// Nanoseconds per sample of the per-sample sampler (`SparseTrainingSet`, one thread).
    package var perSample: Double
    /// Nanoseconds per touched sample of the sublinear sampler (`SublinearTrainingSet` whole, one thread).
    package var touchedSample: Double
    /// Samples D of the per-sample measurement.
    package var perSampleCount: Int
    /// Samples D and touched samples D_T of the sublinear measurement.
    package var sublinearSampleCount: Int, touchedCount: Int

    /// Measures the rates: embedding columns of `featureCount` entries, the per-sample sampler at
    /// `perSampleCount` samples and the sublinear one at `sublinearSampleCount`, with `parameters`.
    package init(
        featureCount: Int, parameters: DataParameters, perSampleCount: Int, sublinearSampleCount: Int, repeats: Int = 3
    ) throws {
        func best(_ body: () throws -> Void) rethrows -> Double {
            var best = Double.infinity
            for _ in 0..<max(1, repeats) {
                let before = Self.threadSeconds()
                try body()
                best = min(best, Self.threadSeconds() - before)
            }
            return best
        }
        let generator = Philox4x32(seed: 7)
        let blocks = 1 << 22
        var words = [UInt32](repeating: 0, count: 4 * 256)
        var sink: UInt32 = 0
        func drawBlocks(_ perCall: Int) -> Double {
            best {
                words.withUnsafeMutableBufferPointer { out in
                    for call in 0..<(blocks / perCall) {
                        generator.blocks((UInt32(truncatingIfNeeded: call * perCall), 1, 2, 3), count: perCall, into: out.baseAddress!)
                        sink ^= out[0]
                    }
                }
            } / Double(blocks) * 1e9
        }
        philoxBlock = drawBlocks(256)
        philoxBlockByEight = drawBlocks(8)

        let embedding = RandomEmbedding(featureCount: featureCount, seed: 7)
        let columns = max(1, (1 << 23) / max(1, featureCount))
        var column = [Double](repeating: 0, count: featureCount)
        var total = 0.0
        normal = best {
            column.withUnsafeMutableBufferPointer { buffer in
                for i in 1...columns {
                    embedding.fillColumn(i, into: buffer)
                    total += buffer[0]
                }
            }
        } / Double(columns * featureCount) * 1e9

        self.perSampleCount = perSampleCount
        let sampler = SparseSampler(parameters: parameters, seed: 7)
        perSample = best {
            let set = SparseTrainingSet(sampler: sampler, sampleCount: perSampleCount, threads: 1)
            total += Double(set.observedCount)
        } / Double(max(1, perSampleCount)) * 1e9

        self.sublinearSampleCount = sublinearSampleCount
        var touched = 0
        let seconds = try best {
            let set = try SublinearTrainingSet(
                sampler: SublinearSampler(parameters: parameters, seed: 7, sampleCount: sublinearSampleCount),
                sampleCount: sublinearSampleCount, threads: 1)
            touched = set.touchedCount
        }
        touchedCount = touched
        touchedSample = seconds / Double(max(1, touched)) * 1e9
        if sink == 1 && total.isNaN { print("") }  // keeps the measured work alive
    }

    /// CPU seconds of the calling thread.
    static func threadSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// One line: each rate, and the normals and samples against the generator's rate per 64-bit draw.
    package var description: String {
        String(format: "CPU time: Philox %.2f ns/block (256 per call; %.2f at 8 per call) = %.2f ns per 64-bit draw; "
            + "normal %.2f ns (%.1f× a draw); per-sample sampler %.1f ns/sample (D = %d); "
            + "sublinear sampler %.1f ns per touched sample (D = %d, D_T = %d)",
            philoxBlock, philoxBlockByEight, philoxBlock / 2, normal, normal / (philoxBlock / 2), perSample, perSampleCount,
            touchedSample, sublinearSampleCount, touchedCount)
    }
}
