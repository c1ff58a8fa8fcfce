import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment observed-coordinates`: K(D) from the data stream alone (no model is trained).
struct ObservedCoordinatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observed-coordinates",
        abstract: "Observed coordinates K(D) measured vs the exact expectation and Γ(1−1/β)·D^(1/β) (Lemma 3.2)."
    )

    @OptionGroup var experiment: ExperimentOptions
    @Option(parsing: .unconditional, help: "Threads for the data stream, 1…256.")
    var threads: Int = ParallelChunks.defaultThreads

    @Option(parsing: .unconditional, help: "Seeds per D, 1…1000. Default: the profile's (quick 8, paper 16).")
    var seeds: Int?

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("invalid value '\(threads)' for --threads: expected an integer from 1 to 256") }
        if let seeds, !(1...1000).contains(seeds) { throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 1000") }
    }

    func run() throws {
        var configuration = ObservedCoordinatesExperiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        if let largest = configuration.sampleCounts.max() {
            let parameters = try DataParameters(alpha: experiment.alpha, beta: experiment.beta, inputDimension: experiment.beta > 1 ? .infinite : .finite(1 << 20))
            let stream = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: largest)
            try memory.check(MemoryEstimate(point: stream), job: "observed-coordinates (D up to \(largest))")
        }
        let result = try ObservedCoordinatesExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, threads: threads)
        try experiment.finish(result)
    }
}
