import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment observed-coordinates`: K(D) from the data stream alone (no model is trained).
struct ObservedCoordinatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observed-coordinates",
        abstract: "Observed coordinates K(D) measured vs the exact expectation and Γ(1−1/β)·D^(1/β) (Lemma 3.2).",
        discussion: "Nothing is stored, so there is no --store, --tag or --shard: K(D) comes from the data stream alone (no model is trained), so it is not a (configuration, seed) loss row of a results store, and recomputing it costs about as much as reading it back."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var threadOptions: ThreadOptions

    @Option(parsing: .unconditional, help: "Seeds per D, \(SeedCount.rangeText). Default: the profile's (quick 8, paper 16).", transform: SeedCount.parse)
    var seeds: Int?

    @Option(parsing: .unconditional, help: "Data sizes D: a list (64,256,1024) or a log range (64...1048576x4). Default: the profile's.")
    var d: String?

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        _ = try sampleCounts()
    }

    func run() throws {
        var configuration = ObservedCoordinatesExperiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        if let counts = try sampleCounts() { configuration.sampleCounts = counts }
        if let largest = configuration.sampleCounts.max() {
            let parameters = try DataParameters.experiment(alpha: experiment.alpha, beta: experiment.beta)
            let stream = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: largest)
            try memory.check(MemoryEstimate(point: stream), job: "observed-coordinates (D up to \(largest))")
        }
        let result = try ObservedCoordinatesExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, threads: threadOptions.threads)
        try experiment.finish(result)
    }

    /// The data sizes given with --d, or nil for the profile's.
    func sampleCounts() throws -> [Int]? {
        do { return try d.map { try SizeGrid(parsing: $0, parameter: .sampleCount).values } } catch let error as ParameterError {
            throw error.usageError
        }
    }
}
