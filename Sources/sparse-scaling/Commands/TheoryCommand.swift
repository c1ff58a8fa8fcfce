import ArgumentParser
import Foundation
import ScalingTheory
import SparseScaling

/// `sparse-scaling theory`: the closed-form predictions of MODEL.md §4 for one parameter set.
struct TheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Print the closed-form predictions of the sparse-feature theory (MODEL.md §4).",
        discussion: """
            Exponents, observed coordinates E[K(D)], model-rich loss, interpolation threshold and regime, \
            compute-optimal allocation, solver costs and gradient-descent stability. Quantities that need \
            N or D are shown as — (text) or null (json) when that size is not given. When --n or --d is a \
            list or a range (8,16,32 or 8...8192x2), prints the predicted loss curve instead (MODEL.md §6): one \
            row per (N, D) with the region (under / peak band / over), the mean (∞ in the peak band), median, \
            10% and 90% quantiles (— where not predicted) and the method.
            """
    )

    /// Output formats of the report.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Option(parsing: .unconditional,
            help: "Amplitude exponent α (active coordinate i has variance i^-(1+α)); any finite number with α + β > 0.")
    var alpha: Double = 0

    @Option(parsing: .unconditional,
            help: "Activation exponent β (coordinate i active with probability min(1, i^-β)); finite, ≥ 0, and > 1 when --m is inf.")
    var beta: Double = 2

    @Option(parsing: .unconditional,
            help: "Model size N (number of random features); a number ≥ 1, e.g. 4096 or 1e6, or a list/range of integers (8,16,32 or 8...8192x2) for the predicted loss curve. Default: none.")
    var n: String?

    @Option(parsing: .unconditional,
            help: "Data size D (number of training samples); a number ≥ 1, e.g. 1e12 (exact sums stay accurate up to about 1e12), or a list/range of integers (1000,10000 or 1e3...1e5x10) for the predicted loss curve. Default: none.")
    var d: String?

    @Option(help: "Input dimension M: a positive integer, or inf (needs β > 1).")
    var m: String = "inf"

    @Option(name: .customLong("compute-a"), parsing: .unconditional,
            help: "Exponent a of N in the compute proxy C = N^a·D^b; finite, > 0; 2 with b = 1 is the direct-solve proxy N²·D.")
    var computeA: Double = 2

    @Option(name: .customLong("compute-b"), parsing: .unconditional,
            help: "Exponent b of D in the compute proxy C = N^a·D^b; finite, > 0.")
    var computeB: Double = 1

    @Option(help: "Output format: text (aligned table), json, or csv (loss curve only).")
    var format: Format = .text

    func validate() throws {
        guard alpha.isFinite else { throw ValidationError("--alpha must be a finite number (got \(alpha))") }
        guard beta.isFinite, beta >= 0 else { throw ValidationError("--beta must be a finite number ≥ 0 (got \(beta))") }
        guard alpha + beta > 0 else {
            throw ValidationError("--alpha must satisfy α + β > 0 (got α = \(alpha), β = \(beta))")
        }
        guard let dimension = InputDimension(parsing: m) else {
            throw ValidationError("--m must be a positive integer or inf (got '\(m)')")
        }
        if dimension == .infinite, beta <= 1 {
            throw ValidationError("--m inf needs β > 1 (Σ p_i diverges for β = \(beta)); give a finite --m")
        }
        if isCurve {
            guard n != nil, d != nil else {
                throw ValidationError("--\(n == nil ? "n" : "d") is required when the other size is a list or range (the predicted loss curve needs both)")
            }
            _ = try curveGrids()
            guard alpha > -1 else {
                throw ValidationError("--alpha must be > −1 for the predicted loss curve (got \(alpha)): active variances must decay")
            }
        } else {
            guard format != .csv else { throw ValidationError("--format csv needs --n or --d as a list or range (the loss curve)") }
            if let n, Self.single(n).map({ $0.isFinite && $0 >= 1 }) != true {
                throw ValidationError("--n must be a finite number ≥ 1 (got \(n))")
            }
            if let d, Self.single(d).map({ $0.isFinite && $0 >= 1 }) != true {
                throw ValidationError("--d must be a finite number ≥ 1 (got \(d))")
            }
        }
        guard computeA.isFinite, computeA > 0 else {
            throw ValidationError("--compute-a must be a finite number > 0 (got \(computeA))")
        }
        guard computeB.isFinite, computeB > 0 else {
            throw ValidationError("--compute-b must be a finite number > 0 (got \(computeB))")
        }
    }

    /// True when --n or --d is a list or a range: the command prints the predicted loss curve.
    var isCurve: Bool {
        [n, d].contains { $0.map { $0.contains(",") || $0.contains("...") } ?? false }
    }

    /// A single size as a number (e.g. 1e12), nil when it does not parse.
    static func single(_ text: String) -> Double? { Double(text.trimmingCharacters(in: .whitespaces)) }

    /// The N and D grids of the loss curve, parsed as the sweep grids are (refusals name the flag).
    func curveGrids() throws -> (modelSizes: [Int], dataSizes: [Int]) {
        do {
            let modelSizes = try SizeGrid(parsing: n ?? "", parameter: .featureCount).values
            let dataSizes = try SizeGrid(parsing: d ?? "", parameter: .sampleCount).values
            guard modelSizes.count * dataSizes.count <= 100_000 else {
                throw ValidationError("--n and --d give \(modelSizes.count * dataSizes.count) (N, D) pairs; at most 100000")
            }
            return (modelSizes, dataSizes)
        } catch let error as ParameterError {
            throw error.usageError
        }
    }

    func run() throws {
        let dimension = InputDimension(parsing: m)!
        if isCurve {
            try runCurve(dimension: dimension)
            return
        }
        let report: TheoryReport
        do {
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: dimension)
            report = try TheoryReport(parameters: parameters, modelSize: n.flatMap(Self.single), dataSize: d.flatMap(Self.single),
                                      computeA: computeA, computeB: computeB)
        } catch let error as ParameterError {
            throw error.usageError  // a size or exponent whose results leave the Double range: usage, exit 2
        }
        switch format {
        case .text: print(report.textTable(), terminator: "")
        case .json: print(try report.jsonString())
        case .csv: break  // refused by validate()
        }
    }

    /// Prints the predicted loss curve at every (N, D) of the grids.
    private func runCurve(dimension: InputDimension) throws {
        let (modelSizes, dataSizes) = try curveGrids()
        let table: PredictedCurveTable
        do {
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: dimension)
            table = try PredictedCurveTable(parameters: parameters, modelSizes: modelSizes, dataSizes: dataSizes)
        } catch let error as ParameterError {
            throw error.usageError
        }
        switch format {
        case .text: print(table.text(), terminator: "")
        case .json: print(try table.json())
        case .csv: print(table.csv(), terminator: "")
        }
    }
}
