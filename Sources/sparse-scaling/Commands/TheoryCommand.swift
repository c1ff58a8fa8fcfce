import ArgumentParser
import Foundation
import ScalingTheory

/// `sparse-scaling theory`: the closed-form predictions of MODEL.md §4 for one parameter set.
struct TheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Print the closed-form predictions of the sparse-feature theory (MODEL.md §4).",
        discussion: """
            Exponents, observed coordinates E[K(D)], model-rich loss, interpolation threshold and regime, \
            compute-optimal allocation, solver costs and gradient-descent stability. Quantities that need \
            N or D are shown as — (text) or null (json) when that size is not given.
            """
    )

    @Option(parsing: .unconditional,
            help: "Amplitude exponent α (active coordinate i has variance i^-(1+α)); any finite number with α + β > 0. Default 0.",
            transform: NumberArgument.real(expected: "a finite number with α + β > 0"))
    var alpha: Double = 0

    @Option(parsing: .unconditional,
            help: "Activation exponent β (coordinate i active with probability min(1, i^-β)); finite, ≥ 0, and > 1 when --m is inf. Default 2.",
            transform: NumberArgument.real(expected: "a finite number ≥ 0"))
    var beta: Double = 2

    @Option(parsing: .unconditional,
            help: "Model size N (number of random features); a number ≥ 1, e.g. 4096 or 1e6. Default: none.",
            transform: NumberArgument.real(expected: "a finite number ≥ 1"))
    var n: Double?

    @Option(parsing: .unconditional,
            help: "Data size D (number of training samples); a number ≥ 1, e.g. 1e12 (exact sums stay accurate up to about 1e12). Default: none.",
            transform: NumberArgument.real(expected: "a finite number ≥ 1"))
    var d: Double?

    @Option(help: "Input dimension M: a positive integer, or inf (needs β > 1).")
    var m: String = "inf"

    @Option(name: .customLong("compute-a"), parsing: .unconditional,
            help: "Exponent a of N in the compute proxy C = N^a·D^b; finite, > 0; 2 with b = 1 is the direct-solve proxy N²·D. Default 2.",
            transform: NumberArgument.real(expected: "a finite number > 0"))
    var computeA: Double = 2

    @Option(name: .customLong("compute-b"), parsing: .unconditional,
            help: "Exponent b of D in the compute proxy C = N^a·D^b; finite, > 0. Default 1.",
            transform: NumberArgument.real(expected: "a finite number > 0"))
    var computeB: Double = 1

    @Option(help: "Output format: text (aligned table) or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard beta >= 0 else { throw ValidationError("invalid value '\(beta)' for --beta: expected a finite number ≥ 0") }
        guard alpha + beta > 0 else {
            throw ValidationError("invalid value '\(alpha)' for --alpha: expected α + β > 0 (here β = \(beta))")
        }
        guard NumberArgument.isDecimal(m) || ["inf", "infinity", "∞"].contains(m.lowercased()), let dimension = InputDimension(parsing: m) else {
            throw ValidationError("invalid value '\(m)' for --m: expected an integer ≥ 1 or 'inf'")
        }
        if dimension == .infinite, beta <= 1 {
            throw ValidationError("invalid value 'inf' for --m: expected a finite M when --beta ≤ 1 (Σ p_i diverges for β = \(beta))")
        }
        if let n, !(n >= 1) { throw ValidationError("invalid value '\(n)' for --n: expected a finite number ≥ 1") }
        if let d, !(d >= 1) { throw ValidationError("invalid value '\(d)' for --d: expected a finite number ≥ 1") }
        guard computeA > 0 else { throw ValidationError("invalid value '\(computeA)' for --compute-a: expected a finite number > 0") }
        guard computeB > 0 else { throw ValidationError("invalid value '\(computeB)' for --compute-b: expected a finite number > 0") }
    }

    func run() throws {
        let dimension = InputDimension(parsing: m)!
        let report: TheoryReport
        do {
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: dimension)
            report = try TheoryReport(parameters: parameters, modelSize: n, dataSize: d,
                                      computeA: computeA, computeB: computeB)
        } catch let error as ParameterError {
            throw error.usageError  // a size or exponent whose results leave the Double range: usage, exit 2
        }
        switch format {
        case .text: print(report.textTable(), terminator: "")
        case .json: print(try report.jsonString())
        }
    }
}
