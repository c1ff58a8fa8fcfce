import Foundation
import ResultsStore

/// The results store of the one-pass SGD experiment: checkpoint t > 0 of the (N, seed) run is stored as the point
/// `point --solver online --n N --d t --eta η --seed seed` (the same samples, embedding and steps, hence the same
/// loss), and a run whose every checkpoint is stored is read back instead of computed.
package struct OnlineRunStore: Sendable {
    /// The store read from and written to.
    package let store: ResultsStore
    /// The run label of the rows written.
    package let tag: String
    /// Runs stored by this link so far (each with all its checkpoints).
    package let savedRuns = SavedRunCount()

    /// A link to `store` writing rows labelled `tag`.
    package init(store: ResultsStore, tag: String) {
        self.store = store
        self.tag = tag
    }

    /// The point of checkpoint `steps` of the (N, seed) run: sparse data, linear features, solver online, step η.
    static func specification(parameters: DataParameters, featureCount: Int, steps: Int, seed: UInt64, stepSize: Double) -> PointSpecification {
        PointSpecification(
            parameters: parameters, featureCount: featureCount, sampleCount: steps, solver: .online, seed: seed,
            optimization: OptimizationSettings(stepSize: stepSize))
    }

    /// The run rebuilt from the store when every checkpoint t > 0 is stored (step 0, v = 0, is exact: loss Σλ_i, summed as
    /// the run sums it);
    /// nil otherwise. Its seconds are the stored ones of the last checkpoint; it has no readout.
    func storedRun(parameters: DataParameters, featureCount: Int, seed: UInt64, stepSize: Double, checkpoints: [Int]) throws -> OnlineRun? {
        var reached: [OnlineCheckpoint] = []
        var seconds = 0.0
        for step in checkpoints {
            if step == 0 {
                // v = 0 and nothing seen: the tail is the whole variance, summed as the run sums it.
                reached.append(OnlineCheckpoint(step: 0, lossObserved: 0, lossTail: UnobservedVariance.sum(parameters: parameters, observed: []),
                                                observedCoordinates: 0))
                continue
            }
            let spec = Self.specification(parameters: parameters, featureCount: featureCount, steps: step, seed: seed, stepSize: stepSize)
            guard let row = try store.points(for: spec.storeConfiguration).first(where: { $0.seed == seed }) else { return nil }
            reached.append(OnlineCheckpoint(step: step, lossObserved: row.result.lossObserved, lossTail: row.result.lossTail,
                                            observedCoordinates: row.result.observedCoordinates))
            seconds = row.result.seconds
        }
        return OnlineRun(checkpoints: reached, status: .completed, divergedAtStep: nil, readout: [],
                         schedule: OnlineStepSchedule(initial: stepSize), seconds: seconds)
    }

    /// Stores every checkpoint t > 0 of a completed run in one transaction, so a run is stored whole or not at all
    /// (a diverged run stores nothing: `point` refuses it too). Each row's seconds are the run's seconds up to that
    /// checkpoint, prorated by steps.
    func save(_ run: OnlineRun, parameters: DataParameters, featureCount: Int, seed: UInt64, stepSize: Double) throws {
        guard run.status == .completed, let last = run.checkpoints.last?.step, last > 0 else { return }
        let rows = run.checkpoints.filter { $0.step > 0 }.map { checkpoint in
            let spec = Self.specification(parameters: parameters, featureCount: featureCount, steps: checkpoint.step, seed: seed, stepSize: stepSize)
            let result = PointResult(
                loss: checkpoint.loss, lossObserved: checkpoint.lossObserved, lossTail: checkpoint.lossTail,
                observedCoordinates: checkpoint.observedCoordinates, rank: min(featureCount, checkpoint.observedCoordinates),
                seconds: run.seconds * Double(checkpoint.step) / Double(last))
            return StoredPoint(configuration: spec.storeConfiguration, seed: seed, result: result,
                               toolVersion: SparseScalingVersion.current, createdAt: Date(), tag: tag)
        }
        try store.insert(contentsOf: rows)
        savedRuns.increment()
    }
}

/// A count of runs stored, read from the Ctrl-C handler while worker threads add to it.
package final class SavedRunCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// The runs stored so far.
    package var value: Int { lock.withLock { count } }
    /// Adds one stored run.
    func increment() { lock.withLock { count += 1 } }
}
