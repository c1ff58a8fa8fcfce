import ArgumentParser
import Foundation
import ScalingTheory
import SparseScaling

/// `sparse-scaling theory`: the closed-form predictions of docs/theory.md §4 for one parameter set.
struct TheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Print the closed-form predictions of the sparse-feature theory (docs/theory.md §4).",
        discussion: """
            Exponents, observed coordinates E[K(D)], model-rich loss, interpolation threshold and regime, \
            compute-optimal allocation, solver costs and gradient-descent stability. Quantities that need \
            N or D are shown as — (text) or null (json) when that size is not given. With one N and one D \
            (e.g. --n 512 --d 1e4) it also prints the predicted loss there (docs/theory.md §6): mean (∞ in the peak \
            band), median, 10/90% quantiles, method and region; a list or range (--n 8...8192x2) prints the curve.
            """
    )

    /// Output formats of the report (the one set every command takes).
    typealias Format = OutputFormat

    @OptionGroup var exponents: ExponentOptions<ModelExponents>
    var alpha: Double { exponents.alpha }
    var beta: Double { exponents.beta }

    @Option(parsing: .unconditional,
            help: "Model size N (number of random features); a number ≥ 1, e.g. 4096 or 1e6 (an integer N with an integer --d adds the predicted loss at that point), or a list/range of integers (8,16,32 or 8...8192x2) for the predicted loss curve (docs/theory.md §6). Default: none.")
    var n: String?

    @Option(parsing: .unconditional,
            help: "Data size D (number of training samples); a number ≥ 1, e.g. 1e12 (exact sums stay accurate up to about 1e12; an integer D with an integer --n adds the predicted loss at that point), or a list/range of integers (1000,10000) for the predicted loss curve. Default: none.")
    var d: String?

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

    @Option(parsing: .unconditional,
            help: "Label-noise standard deviation σ ≥ 0: adds OUR predicted q10/q25/q50/q75/q90 of the excess loss and of the test loss (excess + σ²) in the model-rich ridgeless regime (needs --n and --d; docs/theory-label-noise.md). Default: none.",
            transform: NumberArgument.real(expected: "a finite number ≥ 0"))
    var noise: Double?

    @Option(help: "Output format: text (aligned table), json or csv (one row, nested keys joined by _).")
    var format: Format = .text

    @Option(help: "Write the report to this file instead of standard output (replaced atomically). Default: standard output.")
    var out: String?

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
        if isCurve {
            guard n != nil, d != nil else {
                throw ValidationError("missing --\(n == nil ? "n" : "d"): the predicted loss curve needs both N and D")
            }
            _ = try curveGrids()
            guard alpha > -1 else {
                throw ValidationError("invalid value '\(alpha)' for --alpha: expected α > −1 for the predicted loss curve (active variances must decay)")
            }
        } else {
            if let n, !((NumberArgument.finite(n) ?? 0) >= 1) { throw ValidationError("invalid value '\(n)' for --n: expected a finite number ≥ 1") }
            if let d, !((NumberArgument.finite(d) ?? 0) >= 1) { throw ValidationError("invalid value '\(d)' for --d: expected a finite number ≥ 1") }
        }
        guard computeA > 0 else { throw ValidationError("invalid value '\(computeA)' for --compute-a: expected a finite number > 0") }
        guard computeB > 0 else { throw ValidationError("invalid value '\(computeB)' for --compute-b: expected a finite number > 0") }
        if let noise, !(noise >= 0) { throw ValidationError("invalid value '\(noise)' for --noise: expected a finite number ≥ 0") }
        if noise != nil, isCurve { throw ValidationError("invalid value for --noise: expected a single --n and --d (not a curve)") }
        if noise != nil, n == nil || d == nil {
            throw ValidationError("--noise has no effect without one --n and one --d: it predicts the loss quantiles at that point")
        }
        if let out { try OutputFile.checkWritable(out, flag: "--out") }
    }

    /// True when --n or --d is a list or a range: the command prints the predicted loss curve.
    var isCurve: Bool {
        [n, d].contains { $0.map { $0.contains(",") || $0.contains("...") } ?? false }
    }

    /// The N and D grids of the loss curve, parsed as the sweep grids are (refusals name the flag).
    func curveGrids() throws -> (featureCounts: [Int], sampleCounts: [Int]) {
        do {
            let featureCounts = try SizeGrid(parsing: n ?? "", parameter: .featureCount).values
            let sampleCounts = try SizeGrid(parsing: d ?? "", parameter: .sampleCount).values
            guard featureCounts.count * sampleCounts.count <= 100_000 else {
                throw ValidationError("invalid value '\(n ?? "")' for --n: expected at most 100000 (N, D) pairs with --d")
            }
            return (featureCounts, sampleCounts)
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
            report = try TheoryReport(parameters: parameters, featureCount: n.flatMap(NumberArgument.finite),
                                      sampleCount: d.flatMap(NumberArgument.finite),
                                      computeA: computeA, computeB: computeB, noise: noise)
        } catch let error as ParameterError {
            throw error.usageError  // a size or exponent whose results leave the Double range: usage, exit 2
        }
        let prediction = try pointPrediction(dimension: dimension)
        let text: String
        switch format {
        case .text: text = report.textTable() + prediction.text
        case .json: text = try prediction.json(report) + "\n"
        case .csv: text = try FlatCSV.fromJSONObject(try prediction.json(report))
        }
        if let out { try OutputFile.write(text, to: out) } else { print(text, terminator: "") }
    }

    /// The predicted loss at the single (N, D) given (docs/theory.md §6): a one-row curve table, or the reason there is none.
    private func pointPrediction(dimension: InputDimension) throws -> TheoryPointPrediction {
        guard let n, let d else { return TheoryPointPrediction(table: nil, note: "give both --n and --d") }
        guard let featureCount = Self.wholeSize(n), let sampleCount = Self.wholeSize(d) else {
            return TheoryPointPrediction(table: nil, note: "N and D must be integers")
        }
        guard alpha > -1 else { return TheoryPointPrediction(table: nil, note: "needs α > −1 (active variances must decay)") }
        do {
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: dimension)
            return TheoryPointPrediction(
                table: try PredictedCurveTable(parameters: parameters, featureCounts: [featureCount], sampleCounts: [sampleCount]), note: nil)
        } catch let error as ParameterError {
            throw error.usageError
        }
    }

    /// `text` as an integer size (1…1e15) when it names a whole number, else nil.
    static func wholeSize(_ text: String) -> Int? {
        guard let value = NumberArgument.finite(text), value >= 1, value <= 1e15, value.rounded() == value else { return nil }
        return Int(value)
    }

    /// Prints (or writes to --out) the predicted loss curve at every (N, D) of the grids.
    private func runCurve(dimension: InputDimension) throws {
        let (featureCounts, sampleCounts) = try curveGrids()
        let table: PredictedCurveTable
        do {
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: dimension)
            table = try PredictedCurveTable(parameters: parameters, featureCounts: featureCounts, sampleCounts: sampleCounts)
        } catch let error as ParameterError {
            throw error.usageError
        }
        let text: String
        switch format {
        case .text: text = table.text()
        case .json: text = try table.json() + "\n"
        case .csv: text = table.csv()
        }
        if let out { try OutputFile.write(text, to: out) } else { print(text, terminator: "") }
    }
}

/// The predicted loss at the one (N, D) of a `theory` report: the one-row curve table, or why there is none.
struct TheoryPointPrediction {
    /// The predicted point (docs/theory.md §6), nil when not predicted.
    let table: PredictedCurveTable?
    /// Why there is no prediction (nil when there is one).
    let note: String?

    /// The text appended to the report's table: a heading and the one-row table, or the reason.
    var text: String {
        if let table { return "\npredicted loss at this (N, D) (docs/theory.md §6; mean ∞ in the peak band):\n" + table.text() }
        return "\npredicted loss: not given (\(note ?? ""))\n"
    }

    /// The report's JSON with `predicted_loss` added: `{region, mean, mean_finite, median, q10, q90, method}`, or null
    /// with `predicted_loss_note` saying why.
    func json(_ report: TheoryReport) throws -> String {
        guard var object = try JSONSerialization.jsonObject(with: Data(try report.jsonString().utf8)) as? [String: Any] else {
            throw RuntimeError("internal: the theory report is not a JSON object")
        }
        if let table, let rows = try JSONSerialization.jsonObject(with: Data(try table.json().utf8)) as? [[String: Any]], var row = rows.first {
            for key in ["alpha", "beta", "m", "n", "d"] { row[key] = nil }
            object["predicted_loss"] = row
        } else {
            object["predicted_loss"] = NSNull()
            object["predicted_loss_note"] = note ?? NSNull()
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
