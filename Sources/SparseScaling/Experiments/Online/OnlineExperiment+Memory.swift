extension MemoryEstimate {
    /// The peak of the one-pass SGD experiment: up to `threads` runs at once, each the working set of an
    /// online point of T steps, plus every finished run kept for the result (its readout and checkpoints),
    /// plus the results store the runs are written to (`storeBytes`).
    package init(online c: OnlineExperiment.Configuration, parameters: DataParameters, threads: Int) {
        let points = c.featureCounts.map {
            PointSpecification(parameters: parameters, featureCount: $0, sampleCount: c.steps, solver: .online)
        }
        let runs = Double(c.featureCounts.count * c.seeds)
        let checkpoints = Double(OnlineGradientDescent.logSpacedCheckpoints(steps: c.steps, perDecade: c.checkpointsPerDecade).count)
        // Each checkpoint: step, loss parts, K and ‖v‖² (≤ 64 bytes); each readout N doubles.
        let kept = runs * 64 * checkpoints + Double(c.seeds) * c.featureCounts.reduce(0) { $0 + 8 * Double($1) }
        let concurrent = MemoryEstimate(points: points, concurrency: max(1, min(threads, Int(runs))))
        self.init(bytes: concurrent.bytes + Self.safetyFactor * kept + Self.storeBytes)
    }

    /// The results store's share of a run that writes one: the connection pool, SQLite's page caches and
    /// the rows of a run being written (measured: the online experiment's peak rose by 5 MiB with its store).
    package static let storeBytes: Double = 16 * 1_048_576
}
