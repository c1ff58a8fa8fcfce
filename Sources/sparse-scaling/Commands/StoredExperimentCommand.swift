import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment NAME` for an experiment measured through the results store.
struct StoredExperimentCommand<Experiment: StoredExperiment>: ParsableCommand where Experiment.Configuration: GridConfiguration {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Experiment.Output.name, abstract: ExperimentAbstract.text(for: Experiment.Output.name))
    }

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var grid: ExperimentGrid<Experiment.Configuration>
    @OptionGroup var runOptions: RunOptions

    @Option(parsing: .unconditional, help: "Seeds per point, \(SeedCount.rangeText). Default: the profile's.", transform: SeedCount.parse)
    var seeds: Int?

    @Option(help: "Loss estimator of the sparse linear points: sample (one draw of embedding and teacher) or conditional (E[L | data], exact for N ≥ r + 2; one draw below).")
    var estimator: LossEstimator = .sample

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Label-noise standard deviation σ ≥ 0 for every point (y = w*·x + σε); losses are then excess losses (test loss = excess + σ²). Default 0.",
        visibility: Experiment.Output.name == LabelNoiseResult.name ? .hidden : .default),
        transform: NumberArgument.real(expected: "a finite number ≥ 0"))
    var noise: Double?

    func validate() throws {
        _ = try grid.apply(to: Experiment.Configuration.preset(experiment.profile), experiment: Experiment.Output.name)
        if let noise {
            if Experiment.Output.name == LabelNoiseResult.name {
                throw ValidationError("--noise has no effect in experiment label-noise: it measures its own noise levels σ² ∈ {0, 1e-4, 1e-2}")
            }
            guard noise >= 0, noise.isFinite else { throw ValidationError("invalid value '\(noise)' for --noise: expected a finite number ≥ 0") }
        }
    }

    func run() throws {
        var configuration = try grid.apply(to: Experiment.Configuration.preset(experiment.profile), experiment: Experiment.Output.name)
        if let seeds { configuration.seeds = seeds }
        // The whole plan is checked (parameters and memory) before any work and before the store exists.
        let overrides = PointOverrides(labelNoise: noise ?? 0, estimator: estimator)
        let batches: [PlannedBatch]
        do {
            batches = try Experiment.plan(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration)
                .map { $0.applying(overrides) }
            for point in batches.flatMap(\.points) { _ = try PointPlan(point) }
        } catch let error as ParameterError {
            throw error.usageError
        }
        try runOptions.checkMemory(
            of: batches, seeds: (0..<UInt64(configuration.seeds)).map { $0 },
            job: "experiment \(Experiment.Output.name) (\(batches.reduce(0) { $0 + $1.points.count }) points × \(configuration.seeds) seeds)")

        let runner = try runOptions.runner(defaultTag: Experiment.Output.name, quiet: experiment.quiet)
        runner.overrides = overrides
        let result = try Experiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: runner)
        try experiment.finish(result)
        if estimator == .conditional { print(EstimatorUse.report(runner.estimatorUses)) }
    }
}
