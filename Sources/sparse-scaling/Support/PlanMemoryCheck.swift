import Foundation
import ResultsStore
import SparseScaling

extension RunOptions {
    /// The results store opened read-only when its file exists (to count what is already measured without
    /// changing it), nil when it does not exist yet.
    func existingStore() throws -> ResultsStore? {
        guard FileManager.default.fileExists(atPath: store) else { return nil }
        do { return try ResultsStore(readingAt: store) } catch {
            throw RuntimeError("cannot use --store \(store): \(error)")
        }
    }

    /// Checks the whole plan of `batches` (each measured with `seeds`) against --max-memory before any
    /// work and before the store is created: only the pairs missing from an existing store count.
    func checkMemory(of batches: [PlannedBatch], seeds: [UInt64], job: String) throws {
        let work = try existingStore().map { try PlannedBatch.missing(batches, seeds: seeds, store: $0, shard: try Shard(parsing: shard)) } ?? batches
        let estimate = MemoryEstimate(batches: work, seedCount: seeds.count, concurrency: threads)
        try memory.check(estimate, job: job)
    }
}
