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

    func validate() throws {
        _ = try grid.apply(to: Experiment.Configuration.preset(experiment.profile), experiment: Experiment.Output.name)
    }

    func run() throws {
        var configuration = try grid.apply(to: Experiment.Configuration.preset(experiment.profile), experiment: Experiment.Output.name)
        if let seeds { configuration.seeds = seeds }
        let result = try Experiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: try runOptions.runner())
        try experiment.finish(result)
    }
}
