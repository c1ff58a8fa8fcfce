import Foundation

/// The paper's Table 4 extended to rare events: P(GD diverges) against D, by plain Monte Carlo where
/// failures are common and by importance sampling where they are rare, with local slopes across both
/// and a fit of the asymptotic slope against the prediction (α+β)/(1+α).
extension GDFailureExperiment {
    /// Data sizes and replicates of each estimator.
    public struct Configuration: Sendable, Codable {
        /// D values measured by plain Monte Carlo, and replicates per D.
        public var plainSampleCounts: [Int]
        public var plainReplicates: Int
        /// D values measured by importance sampling, and replicates per D.
        public var importanceSampleCounts: [Int]
        public var importanceReplicates: Int
        /// Number of random features N and the GD step η (failure when η·λ_max > 2).
        public var featureCount: Int
        public var eta: Double
        /// Points of the asymptotic-slope fit (the largest D).
        public var fitTail: Int
        /// D values of `plainSampleCounts` also measured by importance sampling, so the two estimators'
        /// CIs can be compared where both work (α < −1 only): a pilot of `importanceReplicates`, then as
        /// many more as its variance says the difference needs to reach its precision
        /// (`crossCheckReplicates`), at most `crossCheckMaximumReplicates`.
        public var crossCheckSampleCounts: [Int] = []
        /// The cap on the importance replicates of one cross-check D.
        public var crossCheckMaximumReplicates: Int = 20000

        /// The sizes of `profile`.
        package static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick:
                return Configuration(
                    plainSampleCounts: [1000, 3000, 10000], plainReplicates: 20000,
                    importanceSampleCounts: [30000, 100_000, 300_000], importanceReplicates: 600,
                    featureCount: 16384, eta: 1.9, fitTail: 3, crossCheckSampleCounts: [1000, 3000, 10000], crossCheckMaximumReplicates: 6000)
            case .paper:
                return Configuration(
                    plainSampleCounts: [1000, 3000, 10000], plainReplicates: 100_000,
                    importanceSampleCounts: [30000, 100_000, 300_000, 1_000_000], importanceReplicates: 2000,
                    featureCount: 16384, eta: 1.9, fitTail: 4, crossCheckSampleCounts: [1000, 3000, 10000], crossCheckMaximumReplicates: 40000)
            }
        }
    }

    /// Table 4: runs both estimators at α, β (default α = −1.5 gives spikes) with the seed `seed`.
    package static func run(alpha: Double, beta: Double, configuration c: Configuration, seed: UInt64 = 0, threads: Int = ParallelChunks.defaultThreads, progress: ProgressReporter = ProgressReporter()) throws -> GDFailureTable {
        func settings(_ ds: [Int], _ replicates: Int, _ estimator: FailureEstimator) -> GDFailureSettings {
            GDFailureSettings(
                alpha: alpha, beta: beta, featureCount: c.featureCount, sampleCounts: ds, replicates: replicates,
                threshold: 2 / c.eta, seed: seed, embedding: .exact, estimator: estimator)
        }
        let crossCheckCounts = alpha < -1 ? c.crossCheckSampleCounts : []
        progress.begin("GD failure", total: c.plainSampleCounts.count + c.importanceSampleCounts.count + crossCheckCounts.count)
        defer { progress.finish() }
        let plain = try GDFailureExperiment.run(settings(c.plainSampleCounts, c.plainReplicates, .plain), threads: threads) { _ in progress.advance() }
        let importance = alpha < -1
            ? try GDFailureExperiment.run(settings(c.importanceSampleCounts, c.importanceReplicates, .importance), threads: threads) { _ in progress.advance() }
            : nil
        var crossCheck = crossCheckCounts.isEmpty ? nil
            : try GDFailureExperiment.run(settings(crossCheckCounts, c.importanceReplicates, .importance), threads: threads) { _ in progress.advance() }
        if var pilot = crossCheck {
            let allCounts = c.plainSampleCounts + (importance == nil ? [] : c.importanceSampleCounts)
            for (index, row) in pilot.rows.enumerated() {
                guard let plainRow = plain.rows.first(where: { $0.sampleCount == row.sampleCount }) else { continue }
                let precision = GDFailureTable.estimatorPrecision(
                    probability: plainRow.probability, sampleCount: row.sampleCount,
                    nextSampleCount: allCounts.filter { $0 > row.sampleCount }.min(), slope: (alpha + beta) / (1 + alpha))
                if let wanted = crossCheckReplicates(pilot: row, plain: plainRow, precision: precision.value, maximum: c.crossCheckMaximumReplicates),
                   wanted > row.replicates {
                    pilot.rows[index] = GDFailureExperiment.measure(settings([row.sampleCount], wanted, .importance), sampleCount: row.sampleCount, threads: threads)
                }
            }
            crossCheck = pilot
        }
        return GDFailureTable(alpha: alpha, beta: beta, configuration: c, plain: plain, importance: importance, crossCheck: crossCheck)
    }

    /// The importance replicates that make the 95% half-width of (importance − plain) at most `precision`:
    /// R·SE²_pilot/((precision/1.96)² − SE²_plain) from the pilot's measured variance, at most `maximum`
    /// (also when the pilot saw no failure, so no spread); nil when the plain row alone is too wide, where
    /// no number of importance replicates suffices.
    package static func crossCheckReplicates(pilot: GDFailureRow, plain: GDFailureRow, precision: Double, maximum: Int) -> Int? {
        let allowed = (precision / 1.96) * (precision / 1.96) - plain.standardError * plain.standardError
        guard allowed > 0 else { return nil }
        guard pilot.standardError > 0 else { return maximum }
        let needed = Double(pilot.replicates) * pilot.standardError * pilot.standardError / allowed
        return needed.isFinite && needed < Double(maximum) ? Int(needed.rounded(.up)) : maximum
    }
}
