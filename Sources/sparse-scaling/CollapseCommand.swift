import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment collapse`: Loss over N for several D in collapse coordinates, with the double-descent peak vs Γ(1−1/β).
struct CollapseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collapse",
        abstract: "Loss over N for several D in collapse coordinates, with the double-descent peak vs Γ(1−1/β)."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        let configuration = CollapseExperiment.Configuration.preset(experiment.profile)
        let result = try CollapseExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: try runOptions.runner())
        try experiment.finish(result)
    }
}
