import ResultsStore

/// One `MeasurementRunner.measure` call of an experiment, known before any work: its label and points
/// (each measured with every seed). An experiment's plan is its batches in the order they run.
package struct PlannedBatch: Sendable {
    /// The progress label of the batch.
    public let label: String
    /// The points, without seeds.
    public let points: [PointSpecification]

    /// A batch of `points` labelled `label`.
    public init(label: String, points: [PointSpecification]) {
        self.label = label
        self.points = points
    }
}

extension MemoryEstimate {
    /// The peak of running `batches` one after the other, each with up to `concurrency` points at once:
    /// the largest batch estimate (a batch's memory is released before the next starts).
    public init(batches: [PlannedBatch], seedCount: Int, concurrency: Int) {
        let largest = batches.filter { !$0.points.isEmpty }.map {
            MemoryEstimate(points: $0.points, concurrency: min(concurrency, $0.points.count * max(1, seedCount))).bytes
        }.max()
        self.init(bytes: largest ?? Self.baselineBytes)
    }

    /// The larger of two estimates (steps that run one after the other).
    public static func larger(_ a: MemoryEstimate, _ b: MemoryEstimate) -> MemoryEstimate {
        a.bytes >= b.bytes ? a : b
    }
}

extension PlannedBatch {
    /// The points of `batches` with a (point, seed) pair from `seeds` still missing from `store` in `shard`.
    public static func missing(_ batches: [PlannedBatch], seeds: [UInt64], store: ResultsStore, shard: Shard) throws -> [PlannedBatch] {
        try batches.map { batch in
            var points: [PointSpecification] = []
            for p in batch.points {
                let configuration = p.storeConfiguration
                let existing = try store.existingSeeds(for: configuration)
                if seeds.contains(where: { !existing.contains($0) && shard.contains(configuration, seed: $0) }) { points.append(p) }
            }
            return PlannedBatch(label: batch.label, points: points)
        }
    }
}
