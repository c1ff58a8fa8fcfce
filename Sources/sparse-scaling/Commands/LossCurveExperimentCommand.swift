import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling experiment curve`: the predicted loss curve (docs/theory.md §6) against the measured one.
struct LossCurveExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "Predicted vs measured loss curve over N = 8…8192 at four (α, β, D), errors outside the peak band and the peak median (docs/theory.md §6).")

    @Option(help: "Sizes: quick (about a minute on 2 cores, 32 seeds) or paper (64 seeds, D = 2048…16384).")
    var profile: ExperimentProfile = .quick

    @Option(help: "Folder for the CSV/JSON data and loss-curve.svg.")
    var out: String = "results/experiments"

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var printing: ExperimentPrintOptions

    @Option(parsing: .unconditional, help: "Seeds per point, \(SeedCount.rangeText). Default: the profile's.", transform: SeedCount.parse)
    var seeds: Int?

    @Option(parsing: .unconditional, help: "(α, β, D) settings to measure instead of the profile's: α:β:D, comma-separated, e.g. -0.2:2.4:30000,0.4:2.9:2000 (M = ∞ needs β > 1; D from 1 to 10^6).")
    var settings: String?

    @Option(name: .customLong("under-seeds"), parsing: .unconditional, help: "Seeds of the points below the peak band (one embedding and teacher each, so a noisier mean), 1…10000; the largest N is measured with as many for each seed's unobserved mass. Default: the profile's (512); at most --seeds means --seeds.")
    var underSeeds: Int?

    @Option(help: "Loss estimator: sample (one draw of embedding and teacher per seed) or conditional (E[L | data], exact for N ≥ r + 2; one draw below). Default sample, as in every command; reproduce measures this curve with conditional, whose smaller SE above the peak gives sharper verdicts.")
    var estimator: LossEstimator = .sample

    func validate() throws {
        if let underSeeds, !(1...10000).contains(underSeeds) {
            throw ValidationError("invalid value '\(underSeeds)' for --under-seeds: expected an integer from 1 to 10000")
        }
        if let settings { _ = try Self.parseSettings(settings) }
        try OutputFolder.checkWritable(out, flag: "--out")
    }

    /// The settings of `text` ("α:β:D,α:β:D"), each with valid parameters at M = ∞ and 1 ≤ D ≤ 10⁶.
    static func parseSettings(_ text: String) throws -> [LossCurveExperiment.Setting] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        return try items.map { item in
            let fields = item.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let invalid = ValidationError("invalid value '\(text)' for --settings: expected α:β:D separated by commas, with α + β > 0, β > 1 and D an integer from 1 to 1000000")
            guard fields.count == 3, let alpha = Double(fields[0]), let beta = Double(fields[1]), let d = Int(fields[2]),
                  alpha.isFinite, beta.isFinite, (1...1_000_000).contains(d),
                  fields.allSatisfy({ !$0.isEmpty && $0.trimmingCharacters(in: .whitespaces) == $0 }),
                  beta > 1
            else { throw invalid }
            // Planned as its points will be (before any store is opened): a refusal names the setting's symbols.
            do {
                let parameters = try DataParameters(alpha: alpha, beta: beta)
                _ = try PointPlan(PointSpecification(parameters: parameters, featureCount: 1, sampleCount: d))
                // and predicted as it will be (α > −1: the refusal once came after the store was created).
                _ = try LossCurvePredictor(parameters: parameters, sampleCount: d)
            } catch let error as ParameterError {
                throw ValidationError("invalid value '\(item)' for --settings: \(error.message(naming: \.symbol))")
            }
            return LossCurveExperiment.Setting(alpha: alpha, beta: beta, sampleCount: d)
        }
    }

    func run() throws {
        var configuration = LossCurveExperiment.Configuration.preset(profile)
        if let seeds { configuration.seeds = seeds }
        configuration.estimator = estimator
        if let underSeeds { configuration.underparameterizedSeeds = underSeeds }
        if let settings { configuration.settings = try Self.parseSettings(settings) }
        // The whole plan is checked against --max-memory before any work and before the store exists.
        let batches: [PlannedBatch]
        do { batches = try LossCurveExperiment.plan(configuration: configuration) } catch let error as ParameterError { throw error.usageError }
        try runOptions.checkMemory(
            of: batches, seeds: (0..<UInt64(max(configuration.seeds, configuration.underparameterizedSeeds))).map { $0 },
            job: "experiment curve (\(batches.reduce(0) { $0 + $1.points.count }) points × \(configuration.seeds) seeds)")
        let result = try LossCurveExperiment.run(configuration: configuration, runner: try runOptions.runner(defaultTag: LossCurveResult.name, quiet: printing.quiet))
        let folder = URL(fileURLWithPath: out)
        let files = try ExperimentWriter.write(result, to: folder) + ExperimentFigures.write(result, to: folder)
        try printing.print(result, files: files)
    }
}
