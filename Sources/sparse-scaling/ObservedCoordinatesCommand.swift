import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment observed-coordinates`: Observed coordinates K(D) measured vs the exact expectation and Γ(1−1/β)·D^(1/β).
struct ObservedCoordinatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observed-coordinates",
        abstract: "Observed coordinates K(D) measured vs the exact expectation and Γ(1−1/β)·D^(1/β)."
    )

    @OptionGroup var experiment: ExperimentOptions
    @Option(parsing: .unconditional, help: "Threads for the data stream, 1…256. Default: the number of cores.")
    var threads: Int = ParallelChunks.defaultThreads

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("invalid value '\(threads)' for --threads: expected an integer from 1 to 256") }
    }

    func run() throws {
        let configuration = ObservedCoordinatesExperiment.Configuration.preset(experiment.profile)
        if let largest = configuration.sampleCounts.max() {
            let parameters = try DataParameters(alpha: experiment.alpha, beta: experiment.beta, inputDimension: experiment.beta > 1 ? .infinite : .finite(1 << 20))
            let stream = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: largest)
            try memory.check(MemoryEstimate(point: stream), job: "observed-coordinates (D up to \(largest))")
        }
        let result = try ObservedCoordinatesExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, threads: threads)
        try experiment.finish(result)
    }
}
