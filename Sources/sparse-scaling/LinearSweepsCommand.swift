import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment linear-sweeps`: the four sweeps of the paper's Fig. 5.
struct LinearSweepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linear-sweeps",
        abstract: "Sparse/dense N- and D-sweeps with linear features: joint exponent of three, separate exponent of the sparse D-sweep."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var runOptions: RunOptions

    @Option(parsing: .unconditional, help: "Seeds per point, 1…1000. Default: the profile's (quick 6, paper 8).")
    var seeds: Int?

    func validate() throws {
        if let seeds, !(1...1000).contains(seeds) { throw ValidationError("invalid value '\(seeds)' for --seeds: expected 1…1000") }
    }

    func run() throws {
        var configuration = LinearSweepsExperiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        let result = try LinearSweepsExperiment.run(
            alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: try runOptions.runner())
        try experiment.finish(result)
    }
}
