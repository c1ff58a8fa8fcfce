import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment NAME` for an experiment measured through the results store.
struct StoredExperimentCommand<Experiment: StoredExperiment>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Experiment.Output.name, abstract: ExperimentAbstract.text(for: Experiment.Output.name))
    }

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var runOptions: RunOptions

    @Option(parsing: .unconditional, help: "Seeds per point, 1…1000. Default: the profile's.")
    var seeds: Int?

    @Option(parsing: .unconditional, help: "Label-noise standard deviation σ ≥ 0 for every point (y = w*·x + σε); losses are then excess losses (test loss = excess + σ²). Default 0. Not for label-noise, which sets its own σ² values.")
    var noise: Double = 0

    func validate() throws {
        if let seeds, !(1...1000).contains(seeds) { throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 1000") }
        guard noise >= 0, noise.isFinite else { throw ValidationError("invalid value '\(noise)' for --noise: expected a finite number ≥ 0") }
        if noise != 0, Experiment.Output.name == LabelNoiseResult.name {
            throw ValidationError("invalid value '\(noise)' for --noise: label-noise measures its own noise levels σ² ∈ {0, 1e-4, 1e-2}")
        }
    }

    func run() throws {
        var configuration = Experiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        let runner = try runOptions.runner()
        runner.labelNoise = noise
        let result = try Experiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: runner)
        try experiment.finish(result)
    }
}
