import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment model-rich-loss`: Loss of heavily overparameterized models vs Σ λ_i(1−p_i)^D and its asymptote.
struct ModelRichLossCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-rich-loss",
        abstract: "Loss of heavily overparameterized models vs Σ λ_i(1−p_i)^D and its asymptote."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        let configuration = ModelRichLossExperiment.Configuration.preset(experiment.profile)
        let result = try ModelRichLossExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, runner: try runOptions.runner())
        try experiment.finish(result)
    }
}
