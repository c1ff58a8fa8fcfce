import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment frontier`: Loss vs compute C = N·D·min(N,D) for fixed-N curves; lower envelope and its exponent vs (α+β)/(β+2).
struct FrontierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontier",
        abstract: "Loss vs compute C = N·D·min(N,D) for fixed-N curves; lower envelope and its exponent vs (α+β)/(β+2)."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        let configuration = FrontierExperiment.Configuration.preset(experiment.profile)
        let result = try FrontierExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: try runOptions.runner())
        try experiment.finish(result)
    }
}
