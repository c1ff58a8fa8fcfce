import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment observed-coordinates`: Observed coordinates K(D) measured vs the exact expectation and Γ(1−1/β)·D^(1/β).
struct ObservedCoordinatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observed-coordinates",
        abstract: "Observed coordinates K(D) measured vs the exact expectation and Γ(1−1/β)·D^(1/β)."
    )

    @OptionGroup var experiment: ExperimentOptions
    @Option(help: "Threads for the data stream, 1…256. Default: the number of cores.")
    var threads: Int = ParallelChunks.defaultThreads

    func run() throws {
        let configuration = ObservedCoordinatesExperiment.Configuration.preset(experiment.profile)
        let result = try ObservedCoordinatesExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, threads: threads)
        try experiment.finish(result)
    }
}
