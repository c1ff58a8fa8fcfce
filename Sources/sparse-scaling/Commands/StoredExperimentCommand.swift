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

    @Flag(help: "Print no progress bar and no notes on standard error.")
    var quiet: Bool = false

    func validate() throws {
        if let seeds, !(1...1000).contains(seeds) { throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 1000") }
    }

    func run() throws {
        var configuration = Experiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        let result = try Experiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: try runOptions.runner(defaultTag: Experiment.Output.name, quiet: quiet))
        try experiment.finish(result)
    }
}
