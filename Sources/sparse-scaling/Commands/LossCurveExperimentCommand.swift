import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling experiment curve`: the predicted loss curve (MODEL.md §6) against the measured one.
struct LossCurveExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "Predicted vs measured loss curve over N = 8…8192 at four (α, β, D), errors outside the peak band and the peak median (MODEL.md §6).")

    @Option(help: "Sizes: quick (about a minute on 2 cores, 32 seeds) or paper (64 seeds, D = 2048…16384).")
    var profile: ExperimentProfile = .quick

    @Option(help: "Folder for the CSV/JSON data and loss-curve.svg.")
    var out: String = "results/experiments"

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var printing: ExperimentPrintOptions

    @Option(parsing: .unconditional, help: "Seeds per point, 1…1000. Default: the profile's.")
    var seeds: Int?

    func validate() throws {
        if let seeds, !(1...1000).contains(seeds) { throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 1000") }
        try OutputFolder.checkWritable(out, flag: "--out")
    }

    func run() throws {
        var configuration = LossCurveExperiment.Configuration.preset(profile)
        if let seeds { configuration.seeds = seeds }
        let result = try LossCurveExperiment.run(configuration: configuration, runner: try runOptions.runner(defaultTag: LossCurveResult.name, quiet: printing.quiet))
        let folder = URL(fileURLWithPath: out)
        var files = try ExperimentWriter.write(result, to: folder)
        let figure = folder.appendingPathComponent("\(LossCurveResult.name).svg")
        try AtomicFileWriter.write(LossCurveFigure.figure(result).svg(), to: figure)
        files.append(figure)
        try printing.print(result, files: files)
    }
}
