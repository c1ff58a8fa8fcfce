import ArgumentParser
import ResultsStore
import SparseScaling

/// `sparse-scaling experiment online`: one-pass SGD loss curves, exponents and compute frontier.
struct OnlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "online",
        abstract: "One-pass SGD (each sample used once): loss vs steps t for several N, exponents in t and N, and the compute-optimal frontier under C = N·t (docs/theory.md §7.3)."
    )

    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var memory: MemoryOptions

    @Option(help: "Results store (SQLite) to resume from and write to: checkpoint t of the (N, seed) run is stored as the point `point --solver online --n N --d t --eta η --seed seed`, and a run whose checkpoints are all stored is not recomputed. Default results/sparse-scaling.sqlite.")
    var store: String = "results/sparse-scaling.sqlite"

    @Option(help: "Run label stored with every new row (not part of the configuration). Default: online.")
    var tag: String?

    @Option(parsing: .unconditional, help: "Seeds per N, \(SeedCount.rangeText). Default: the profile's (quick 4, paper 4).", transform: SeedCount.parse)
    var seeds: Int?

    @Option(parsing: .unconditional, help: "Model sizes N replacing the profile's: a list (16,32,64) or a log range (16...1024x2).")
    var n: String?

    @Option(parsing: .unconditional, help: "Steps T of every run (= samples used), an integer ≥ 10 (1e7 allowed). Default: the profile's (quick 2^19, paper 10^7).")
    var steps: String?

    @Option(parsing: .unconditional, help: "Constant step size η > 0. Default 0.25 (stable in mean square for η < 2/3 on the always-active coordinate).",
            transform: NumberArgument.real(expected: "a finite number > 0"))
    var eta: Double?

    func validate() throws {
        guard !store.isEmpty else { throw ValidationError("invalid value '' for --store: expected the path of a results store") }
        if let tag, tag.isEmpty || tag.contains(where: { $0.isNewline }) {
            throw ValidationError("invalid value '\(tag)' for --tag: expected a non-empty name on one line")
        }
        if let eta, !(eta > 0 && eta.isFinite) { throw ValidationError("invalid value '\(eta)' for --eta: expected a finite number > 0") }
        _ = try featureCounts()
        _ = try parsedSteps()
    }

    /// The model sizes given with --n, or nil for the profile's.
    func featureCounts() throws -> [Int]? {
        do { return try n.map { try SizeGrid(parsing: $0, parameter: .featureCount).values } } catch let error as ParameterError {
            throw error.usageError
        }
    }

    /// The steps given with --steps, or nil for the profile's.
    func parsedSteps() throws -> Int? {
        guard let steps else { return nil }
        guard NumberArgument.isDecimal(steps),
              let value = try? SizeGrid(parsing: steps, parameter: .sampleCount).values, value.count == 1, value[0] >= 10 else {
            throw ValidationError("invalid value '\(steps)' for --steps: expected one integer ≥ 10 (e.g. 1e7)")
        }
        return value[0]
    }

    func run() throws {
        var configuration = OnlineExperiment.Configuration.preset(experiment.profile)
        if let seeds { configuration.seeds = seeds }
        if let ns = try featureCounts() { configuration.featureCounts = ns }
        if let steps = try parsedSteps() { configuration.steps = steps }
        if let eta { configuration.stepSize = eta }
        let parameters: DataParameters
        do {
            parameters = try DataParameters.experiment(alpha: experiment.alpha, beta: experiment.beta)
        } catch let error as ParameterError { throw error.usageError }
        // The predicted loss sums i^−(1+α+β) by the Hurwitz zeta function, which needs 1 + α + β > 1 in double
        // precision (β = 1e-300 at α = 0 trapped in its precondition after every run had finished).
        guard experiment.alpha + experiment.beta >= 1e-15, parameters.varianceExponent > 1 else {
            throw ValidationError("invalid value '\(experiment.beta)' for --beta: expected α + β ≥ 1e-15 (here α = \(experiment.alpha)): the predicted loss sums i^−(1+α+β)")
        }
        // Every run is a point of the online route: validated (and its work estimated) as `point` does.
        let points = configuration.featureCounts.map { n -> PointSpecification in
            var spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: configuration.steps, solver: .online)
            spec.optimization.stepSize = configuration.stepSize
            return spec
        }
        let work: WorkEstimate
        do { work = try WorkEstimate(points: points, seedCount: configuration.seeds) } catch let error as ParameterError { throw error.usageError }
        do { try work.check(job: "experiment online") } catch { throw commandLineError(error) }
        let runs = configuration.featureCounts.count * configuration.seeds
        try memory.check(
            MemoryEstimate(online: configuration, parameters: parameters, threads: threadOptions.threads),
            job: "experiment online (\(runs) runs of \(configuration.steps) steps, \(min(threadOptions.threads, runs)) at once)")
        let opened: ResultsStore
        do { opened = try ResultsStore(path: store) } catch {
            throw RuntimeError("cannot use --store \(store): \(error)")
        }
        let link = OnlineRunStore(store: opened, tag: tag ?? OnlineResult.name)
        let path = store
        InterruptNotice.install { "\(link.savedRuns.value) new (N, seed) runs saved in \(path), every finished one with all its checkpoints" }
        let result = try OnlineExperiment.run(
            alpha: experiment.alpha, beta: experiment.beta, configuration: configuration, threads: threadOptions.threads,
            progress: ProgressReporter(quiet: experiment.quiet), store: link)
        try experiment.finish(result)
    }
}
