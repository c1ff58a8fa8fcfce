import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment online`: one-pass SGD loss curves, exponents and compute frontier.
struct OnlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "online",
        abstract: "One-pass SGD (each sample used once): loss vs steps t for several N, exponents in t and N, and the compute-optimal frontier under C = N·t (MODEL.md §7.3)."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var threadOptions: ThreadOptions

    @Option(parsing: .unconditional, help: "Seeds per N, 1…1000. Default: the profile's (quick 4, paper 4).")
    var seeds: Int?

    @Option(parsing: .unconditional, help: "Steps T of every run, an integer ≥ 10 (1e7 allowed). Default: the profile's (quick 2^19, paper 10^7).")
    var steps: String?

    @Option(parsing: .unconditional, help: "Constant step size η > 0. Default 0.25 (stable in mean square for η < 2/3 on the always-active coordinate).")
    var eta: Double?

    func validate() throws {
        if let seeds, !(1...1000).contains(seeds) { throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 1000") }
        if let eta, !(eta > 0 && eta.isFinite) { throw ValidationError("invalid value '\(eta)' for --eta: expected a finite number > 0") }
        _ = try parsedSteps()
    }

    func parsedSteps() throws -> Int? {
        guard let steps else { return nil }
        guard let value = try? SizeGrid(parsing: steps, parameter: .sampleCount).values, value.count == 1, value[0] >= 10 else {
            throw ValidationError("invalid value '\(steps)' for --steps: expected one integer ≥ 10 (e.g. 1e7)")
        }
        return value[0]
    }

    func run() throws {
        var configuration = OnlineExperiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        if let steps = try parsedSteps() { configuration.steps = steps }
        if let eta { configuration.stepSize = eta }
        let result = try OnlineExperiment.run(alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, threads: threadOptions.threads, progress: ProgressReporter())
        try experiment.finish(result)
    }
}
