import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling experiment gd-failure`: the probability that fixed-step GD diverges, versus D.
struct GDFailureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gd-failure",
        abstract: "Measure P(GD diverges) = P(η·λ_max(F Fᵀ/D) > 2) versus D (paper Table 4).",
        discussion: """
            Each replicate draws a fresh dataset and embedding and computes λ_max(F Fᵀ/D) by Lanczos in the \
            observed-coordinate space (W enters through its K × K Gram matrix, drawn exactly by the Bartlett \
            decomposition, so N costs nothing). The default N = 16384 keeps N ≫ K(D) ≈ 1.77·√D up to D ≈ 10^7 \
            (the overparameterized regime of Theorem 6.2). Predicted slope d ln P/d ln D = (α+β)/(1+α).
            Nothing is stored, so there is no --store, --tag or --shard: a replicate yields one largest eigenvalue, \
            not a (configuration, seed) loss row of a results store; --seed makes a run reproducible instead.
            """
    )

    @OptionGroup var exponents: ExponentOptions<SpikingExponents>
    var alpha: Double { exponents.alpha }
    var beta: Double { exponents.beta }

    @Option(parsing: .unconditional, help: "Number of random features N with --embedding exact, an integer from 1 to 1e15. Default \(GDFailureSettings.defaultFeatureCount).", transform: NumberArgument.whole(in: 1...1_000_000_000_000_000, expected: "an integer from 1 to 1e15"))
    var n: Int?

    @Option(help: "Data sizes D ≥ 2: a list (1000,3000,10000) or a log range (1000...1000000x10).")
    var d: String = "1000,2000,5000,10000"

    @Option(parsing: .unconditional, help: "Independent dataset replicates per D, an integer ≥ 1. Default 10000.", transform: NumberArgument.whole(in: 1...Int.max, expected: "an integer ≥ 1"))
    var replicates: Int = 10000

    @Option(parsing: .unconditional, help: "GD step η > 0; failure when λ_max(F Fᵀ/D) > 2/η. Default 1.9.", transform: NumberArgument.real(expected: "a finite number > 0"))
    var eta: Double?

    @Option(parsing: .unconditional, help: "Failure threshold on λ_max(F Fᵀ/D) directly (instead of --eta), a number > 0.", transform: NumberArgument.real(expected: "a finite number > 0"))
    var threshold: Double?

    @Option(help: "Estimator: plain (Monte Carlo, Wilson interval) or importance (late-activation tilting, α < −1).")
    var estimator: FailureEstimator = .plain

    @Option(help: "Embedding: exact (W for the given N) or isometric (N → ∞, W_SᵀW_S = I).")
    var embedding: EmbeddingTreatment = .exact

    @Option(parsing: .unconditional, help: "Seed of all replicates, an integer in 0…2^64−1. Default 0.",
            transform: NumberArgument.seed(expected: "an integer in 0…2^64−1"))
    var seed: UInt64 = 0

    @OptionGroup var threadOptions: ThreadOptions

    @Option(help: "Output format: text (a table with local slopes), json (the whole result) or csv (one row per D, the columns of gd-failure.csv).")
    var format: OutputFormat = .text

    @Option(help: "Also write the rows as CSV to gd-failure.csv, with its gd-failure.columns.json sidecar, and the figure gd-failure.svg in this folder (created if missing; each file replaced atomically). Default: none.")
    var out: String?

    @Flag(help: "Print no notes on standard error (errors are still printed).")
    var quiet = false

    @OptionGroup var memory: MemoryOptions

    mutating func validate() throws {
        if let eta, !(eta > 0 && eta.isFinite) { throw ValidationError("invalid value '\(eta)' for --eta: expected a finite number > 0") }
        if eta != nil, threshold != nil { throw ValidationError("--eta has no effect with --threshold: the threshold replaces 2/η") }
        if n != nil, embedding == .isometric { throw ValidationError("--n has no effect with --embedding isometric: it takes N → ∞") }
        do { try settings().validate() } catch let error as ParameterError { throw error.usageError }
        if let out { try OutputFolder.checkWritable(out, flag: "--out") }
    }

    /// The data sizes parsed from --d.
    func sampleCounts() throws -> [Int] {
        let values: [Int]
        do { values = try SizeGrid(parsing: d, parameter: .sampleCount).values } catch let error as ParameterError { throw error.usageError }
        guard values.allSatisfy({ $0 >= 2 }) else { throw ValidationError("invalid value '\(d)' for --d: expected sizes ≥ 2") }
        // Local slopes need distinct D (a repeated D failed after the rows were printed).
        guard Set(values).count == values.count else { throw ValidationError("invalid value '\(d)' for --d: expected distinct sizes ≥ 2") }
        return values
    }

    func settings() throws -> GDFailureSettings {
        GDFailureSettings(
            alpha: alpha, beta: beta, featureCount: n ?? GDFailureSettings.defaultFeatureCount, sampleCounts: try sampleCounts(), replicates: replicates,
            threshold: threshold ?? 2 / (eta ?? 1.9), seed: seed, embedding: embedding, estimator: estimator)
    }

    func run() throws {
        let s = try settings()
        let estimate: MemoryEstimate
        do { estimate = try MemoryEstimate(gdFailure: s, threads: threadOptions.threads) } catch let error as ParameterError { throw error.usageError }
        try memory.check(estimate, job: "gd-failure (D up to \(s.sampleCounts.max() ?? 0), \(min(threadOptions.threads, s.replicates)) replicates at once)")
        if format == .text {
            print("GD failure: α = \(alpha), β = \(beta), N = \(s.featureCount), τ = λ_max threshold = \(String(format: "%.6g", s.threshold)) (step η = 2/τ = \(String(format: "%.6g", 2 / s.threshold))), estimator \(estimator.rawValue), embedding \(embedding.rawValue)")
            print(Self.header)
        }
        let result = try GDFailureExperiment.run(s, threads: threadOptions.threads) { row in
            if format == .text { print(Self.line(row)) }
        }
        if format == .text {
            for l in result.localSlopes {
                let slope = l.slope.map { String(format: "%.3f", $0) } ?? "n/a"
                let se = l.standardError.map { String(format: " ± %.3f", $0) } ?? ""
                print("local slope d ln P/d ln D, D = \(l.lowerSampleCount) → \(l.upperSampleCount): \(slope)\(se)")
            }
            print("predicted asymptotic slope (α+β)/(1+α) = \(String(format: "%.3f", result.predictedSlope))")
        } else if format == .json {
            print(try ExperimentWriter.json(result), terminator: "")
        }
        let csv = Self.csv(result, settings: s)
        if format == .csv { print(csv, terminator: "") }
        if let out {
            let folder = URL(fileURLWithPath: out)
            let files = [folder.appendingPathComponent("gd-failure.csv"), folder.appendingPathComponent(DataColumnSidecar.fileName(for: "gd-failure.csv")),
                         folder.appendingPathComponent("gd-failure.svg")]
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try AtomicFileWriter.write(csv, to: files[0])
                try AtomicFileWriter.write(
                    try DataColumnSidecar.json(csvName: "gd-failure.csv", csv: csv, experiment: "gd-failure", alpha: alpha, beta: beta), to: files[1])
                try AtomicFileWriter.write(GDFailureFigure.figure(result).svg(idPrefix: "gd-failure"), to: files[2])
            } catch {
                throw RuntimeError("cannot write --out \(out): \(error.localizedDescription)")
            }
            if !quiet { FileHandle.standardError.write(Data(("data: " + files.map(\.path).joined(separator: ", ") + "\n").utf8)) }
        }
    }

    /// The rows as CSV: the settings (α, β, N, λ_max threshold), then the columns of the report's
    /// data/gd-failure.csv (one estimator here).
    static func csv(_ result: GDFailureResult, settings s: GDFailureSettings) -> String {
        var table = CSVTable(headers: ["alpha", "beta", "n", "threshold"] + GDFailureTable.csvHeaders)
        let n: CSVCell = s.embedding == .isometric ? .text("inf") : .integer(s.featureCount)
        for r in result.rows {
            table.append([
                .number(s.alpha), .number(s.beta), n, .number(s.threshold),
                .integer(r.sampleCount), .text(s.estimator.rawValue), .integer(r.replicates), .integer(r.failures), .number(r.probability), .number(r.standardError),
                .number(r.lower), .number(r.upper), .number(r.meanLargestEigenvalue), .number(r.meanObservedCoordinates), .number(r.replicatesPerMinute),
            ])
        }
        return table.render()
    }

    static let header = "       D  replicates  failures           P̂         SE    95% interval               mean λ_max   mean K   replicates/min"

    static func line(_ r: GDFailureRow) -> String {
        String(format: "%8d  %10d  %8d  %10.4g  %9.3g    [%9.3g, %9.3g]   %10.5f  %7.1f   %12.0f",
               r.sampleCount, r.replicates, r.failures, r.probability, r.standardError, r.lower, r.upper,
               r.meanLargestEigenvalue, r.meanObservedCoordinates, r.replicatesPerMinute)
    }
}

extension FailureEstimator: ExpressibleByArgument {}
extension EmbeddingTreatment: ExpressibleByArgument {}
