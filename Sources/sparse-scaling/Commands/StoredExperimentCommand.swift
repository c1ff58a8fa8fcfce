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

    @Option(help: "Loss estimator of the sparse linear points: sample (one draw of embedding and teacher) or conditional (E[L | data], exact for N ≥ r + 2; one draw below).")
    var estimator: LossEstimator = .sample

    func validate() throws {
        if let seeds, !(1...1000).contains(seeds) { throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 1000") }
    }

    func run() throws {
        var configuration = Experiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        let runner = try runOptions.runner()
        runner.estimator = estimator
        let result = try Experiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: runner)
        try experiment.finish(result)
    }
}
