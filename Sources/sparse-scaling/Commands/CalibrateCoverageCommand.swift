import ArgumentParser
import Foundation
import ScalingCalibration
import SparseScaling

/// `sparse-scaling calibrate-coverage`: simulate run tables at known (α, β), calibrate each as `calibrate`
/// does, and report how often the 95% intervals of a, b, α, β hold the truth.
struct CalibrateCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate-coverage",
        abstract: "Check calibrate's 95% intervals on tables simulated at known (α, β): coverage of a, b, α, β with exact binomial tests.",
        discussion: """
            Each table is 12 data-rich runs (N = 8…64 at a D whose E[K(D)] is ≥ 8× the largest N) and 12 model-rich runs \
            (D = 32…4096 at an N ≥ 32× E[K(4096)]), each one seed of the exact reduced solver (the route of point and sweep, \
            sublinear sampler), far from the double-descent peak, where L(N, D) ≈ A/N^(α+β) + B/D^((α+β)/β). Each table is \
            calibrated as calibrate does (the additive fit from the 4 500-start grid, B bootstrap resamples), and the \
            fraction of tables whose 95% interval holds a = α + β, b = (α + β)/β, α and β is tested against 90–99% \
            (exact binomial tests at 1% each side). Exit status 0 whether or not the intervals cover: read the verdict. \
            100 tables with B = 200 take about 5 minutes of CPU (release build).
            """
    )

    @Option(parsing: .unconditional, help: "Tables to simulate and calibrate, an integer from 1 to 10000. Default 100.",
            transform: NumberArgument.whole(in: 1...10_000, expected: "an integer from 1 to 10000"))
    var tables: Int = 100

    @OptionGroup var exponents: ExponentOptions<CoverageExponents>

    @Option(parsing: .unconditional, help: "Seed of the simulated runs and (plus the table's index) of its bootstrap, an integer in 0…2^64−1. Default 0.",
            transform: NumberArgument.seed(expected: "an integer in 0…2^64−1"))
    var seed: UInt64 = 0

    @Flag(help: "Print no progress notes on standard error (errors are still printed).")
    var quiet = false

    @Option(parsing: .unconditional, help: "Bootstrap resamples B per table, an integer from 20 to 100000. Default 200 (as calibrate).",
            transform: NumberArgument.whole(in: 20...100_000, expected: "an integer from 20 to 100000"))
    var bootstrap: Int = 200

    @Option(help: "Output format: text (the summary), json (every number) or csv (one row per checked quantity).")
    var format: OutputFormat = .text

    func run() throws {
        let parameters = try DataParameters(alpha: exponents.alpha, beta: exponents.beta)
        let check = CalibrationCoverage(design: .standard(parameters: parameters), tables: tables, seed: seed,
                                        calibration: CalibrationSettings(bootstrapResamples: bootstrap, seed: seed, folds: 0))
        let quiet = quiet
        let result = try check.run { line in if !quiet { FileHandle.standardError.write(Data(("calibrate-coverage: " + line + "\n").utf8)) } }
        switch format {
        case .text: print(result.text, terminator: "")
        case .json: print(try ExperimentWriter.json(result), terminator: "")
        case .csv: print(result.csv, terminator: "")
        }
    }
}
