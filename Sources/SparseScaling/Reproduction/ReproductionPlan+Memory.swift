import Foundation
import ResultsStore

/// The whole reproduction known before any work: the stored experiments' batches, and the peak memory
/// of every step, so that a run too large for the machine is refused before it computes or writes anything.
extension ReproductionPlan {
    /// The batches of the stored experiments in the order they run, each with its seeds (checks every
    /// experiment's parameters on the way, as its `run` would).
    public func batches(alpha: Double, beta: Double) throws -> [(batch: PlannedBatch, seeds: [UInt64])] {
        func seeded(_ batches: [PlannedBatch], _ count: Int) -> [(batch: PlannedBatch, seeds: [UInt64])] {
            let seeds = (0..<UInt64(count)).map { $0 }
            return batches.map { ($0, seeds) }
        }
        return seeded(try ModelRichLossExperiment.plan(alpha: alpha, beta: beta, configuration: modelRichLoss), modelRichLoss.seeds)
            + seeded(try LinearSweepsExperiment.plan(alpha: alpha, beta: beta, configuration: linearSweeps), linearSweeps.seeds)
            + seeded(try CollapseExperiment.plan(alpha: alpha, beta: beta, configuration: collapse), collapse.seeds)
            + seeded(try FrontierExperiment.plan(alpha: alpha, beta: beta, configuration: frontier), frontier.seeds)
            + seeded(try ReLUSweepsExperiment.plan(alpha: alpha, beta: beta, configuration: reluSweeps), reluSweeps.seeds)
            + seeded(try LabelNoiseExperiment.plan(alpha: alpha, beta: beta, configuration: labelNoise), labelNoise.seeds)
            + seeded(try LossCurveExperiment.plan(configuration: lossCurve), max(lossCurve.seeds, lossCurve.underparameterizedSeeds))
    }

    /// The peak of the whole run with `threads` workers: the largest of the observed-coordinate stream,
    /// the stored experiments' batches (only the pairs missing from `store`, when given), the one-pass
    /// SGD runs and the GD-failure replicates at `gdAlpha`.
    public func memoryEstimate(
        alpha: Double, beta: Double, gdAlpha: Double, threads: Int, store: ResultsStore? = nil, shard: Shard = .all
    ) throws -> MemoryEstimate {
        var estimate = MemoryEstimate(bytes: MemoryEstimate.baselineBytes)
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: beta > 1 ? .infinite : .finite(1 << 20))
        if let largest = observedCoordinates.sampleCounts.max() {
            let stream = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: largest)
            estimate = .larger(estimate, MemoryEstimate(point: stream))
        }
        for (batch, seeds) in try batches(alpha: alpha, beta: beta) {
            let work = try store.map { try PlannedBatch.missing([batch], seeds: seeds, store: $0, shard: shard) } ?? [batch]
            estimate = .larger(estimate, MemoryEstimate(batches: work, seedCount: seeds.count, concurrency: threads))
        }
        estimate = .larger(estimate, MemoryEstimate(online: online, parameters: parameters, threads: threads))
        for settings in gdFailureSettings(alpha: gdAlpha, beta: beta) {
            estimate = .larger(estimate, try MemoryEstimate(gdFailure: settings, threads: threads))
        }
        return estimate
    }

    /// The GD-failure runs of Table 4 at α = `alpha` (plain, then importance sampling when α < −1, and
    /// importance sampling at the cross-check D).
    func gdFailureSettings(alpha: Double, beta: Double) -> [GDFailureSettings] {
        let c = gdFailure
        func settings(_ ds: [Int], _ replicates: Int, _ estimator: FailureEstimator) -> GDFailureSettings {
            GDFailureSettings(
                alpha: alpha, beta: beta, featureCount: c.featureCount, sampleCounts: ds, replicates: replicates,
                threshold: 2 / c.eta, embedding: .exact, estimator: estimator)
        }
        var all = [settings(c.plainSampleCounts, c.plainReplicates, .plain)]
        if alpha < -1, !c.importanceSampleCounts.isEmpty { all.append(settings(c.importanceSampleCounts, c.importanceReplicates, .importance)) }
        if alpha < -1, !c.crossCheckSampleCounts.isEmpty { all.append(settings(c.crossCheckSampleCounts, c.importanceReplicates, .importance)) }
        return all.filter { !$0.sampleCounts.isEmpty }
    }
}
