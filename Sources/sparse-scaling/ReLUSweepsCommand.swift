import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling experiment relu-sweeps`: the four sweeps with ReLU features (paper Figs. 4 and 6).
struct ReLUSweepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relu-sweeps",
        abstract: "Sparse/dense N- and D-sweeps with ReLU features by pseudoinverse and Nesterov; joint vs separate exponents."
    )

    @Option(help: "Amplitude exponent α. Default 0.")
    var alpha: Double = 0

    @Option(help: "Activation exponent β > 1. Default 2.")
    var beta: Double = 2

    @Option(help: "Size preset: quick (minutes) or paper (hours). Default quick.")
    var preset: String = "quick"

    @Option(help: "Seeds per point (overrides the preset), an integer ≥ 2.")
    var seeds: Int?

    @Option(help: "Solvers: direct, nesterov or both. Default both.")
    var solvers: String = "both"

    @Option(help: "Nesterov iteration cap, an integer ≥ 1. Default 20000.")
    var maxIterations: Int = 20_000

    @Option(help: "Fresh test samples per point, an integer ≥ 2. Default 4096.")
    var testSamples: Int = 4096

    @Option(help: "Output format: text or json. Default text.")
    var format: OutputFormat = .text

    mutating func validate() throws {
        guard ["quick", "paper"].contains(preset) else { throw ValidationError("invalid value '\(preset)' for --preset: expected quick or paper") }
        guard ["direct", "nesterov", "both"].contains(solvers) else { throw ValidationError("invalid value '\(solvers)' for --solvers: expected direct, nesterov or both") }
        if let seeds, seeds < 2 { throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer ≥ 2") }
        guard maxIterations >= 1 else { throw ValidationError("invalid value '\(maxIterations)' for --max-iterations: expected an integer ≥ 1") }
        guard testSamples >= 2 else { throw ValidationError("invalid value '\(testSamples)' for --test-samples: expected an integer ≥ 2") }
    }

    func run() throws {
        var sizes = preset == "paper" ? ReLUSweepSizes.paper : ReLUSweepSizes.quick
        if let seeds { sizes.seeds = seeds }
        let kinds: [SolverKind] = solvers == "both" ? [.direct, .nesterov] : [solvers == "direct" ? .direct : .nesterov]
        let result = try ReLUSweepsExperiment.run(
            alpha: alpha, beta: beta, sizes: sizes, solvers: kinds,
            optimization: OptimizationSettings(maxIterations: maxIterations, testSamples: testSamples),
            progress: format == .text ? { print($0) } : nil)
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        for set in result.sets {
            print("== \(set.solver.rawValue)")
            for s in set.sweeps {
                let fit = s.fit.map { String(format: "%.3f ± %.3f", $0.exponent, $0.exponentStandardError) } ?? "n/a"
                print("  \(s.name): exponent \(fit)")
            }
            if let c = set.consistency {
                print(String(format: "  joint (sparse N, dense N, dense D): %.3f ± %.3f; sparse D: %.3f ± %.3f; ratio %.2f ± %.2f; p = %.3g",
                             c.othersSharedExponent, c.othersSharedExponentStandardError, c.candidate.exponent,
                             c.candidate.exponentStandardError, c.exponentRatio, c.exponentRatioStandardError, c.pValue))
            }
        }
    }
}
