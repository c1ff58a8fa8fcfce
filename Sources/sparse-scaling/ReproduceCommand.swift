import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling reproduce`: every experiment of the paper, its figures and an HTML report.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Run every experiment of the paper and write report.html, figures/*.svg, data/*.csv, the results store and summary.json.",
        discussion: "Re-running resumes from the results store in the output folder; only missing (point, seed) pairs are computed."
    )

    @Option(help: "Sizes: quick (< 10 minutes on 2 cores) or paper (the paper's sizes, < 2 hours).")
    var profile: ExperimentProfile = .quick

    @Option(help: "Output folder (created if missing).")
    var out: String = "results"

    @Option(parsing: .unconditional, help: "Amplitude exponent α (finite, α + β > 0).")
    var alpha: Double = 0

    @Option(parsing: .unconditional, help: "Activation exponent β ≥ 0.")
    var beta: Double = 2

    @Option(parsing: .unconditional, help: "Amplitude exponent α of the GD-failure experiment, < −1 (spikes need it).")
    var gdAlpha: Double = -1.5

    @Option(parsing: .unconditional, help: "Points measured at once, 1…256. Default: the number of cores. Results do not depend on it.")
    var threads: Int = ParallelChunks.defaultThreads

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        do { _ = try DataParameters(alpha: alpha, beta: beta, inputDimension: beta > 1 ? .infinite : .finite(1 << 20)) } catch let error as ParameterError {
            throw error.usageError
        }
        guard gdAlpha < -1, gdAlpha + beta > 0 else {
            throw ValidationError("invalid value '\(gdAlpha)' for --gd-alpha: expected α < −1 with α + β > 0 (here β = \(beta))")
        }
        guard (1...256).contains(threads) else { throw ValidationError("invalid value '\(threads)' for --threads: expected an integer from 1 to 256") }
        try OutputFolder.checkWritable(out, flag: "--out")
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        let storePath = folder.appendingPathComponent("sparse-scaling.sqlite").path
        var runOptions = try RunOptions.parse(["--store", storePath, "--threads", "\(threads)", "--max-memory", "\(try memory.limit())"])
        try runOptions.validate()
        let runner = try runOptions.runner()
        // The summary is the completeness marker: remove a stale one before recomputing.
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("summary.json"))
        let results = try PaperReproduction.run(alpha: alpha, beta: beta, gdAlpha: gdAlpha, plan: ReproductionPlan(profile: profile), runner: runner) { step, count, name in
            FileHandle.standardError.write(Data("[\(step)/\(count)] \(name)\n".utf8))
        }
        let command = (["sparse-scaling"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        try ReproductionWriter.write(results, to: folder, command: command, provenance: Provenance.lines())
        print(results.comparisonRows.map { "\($0.verdict.rawValue.padding(toLength: 23, withPad: " ", startingAt: 0)) \($0.quantity): predicted \($0.predictedText ?? String(format: "%.4g", $0.predicted)), measured \($0.measured.map { String(format: "%.4g", $0) } ?? "—")" }.joined(separator: "\n"))
        print("wrote \(out)/report.html, \(out)/figures/, \(out)/data/, \(out)/summary.json (\(String(format: "%.0f", results.seconds)) s)")
    }
}

/// Lines describing the tool, toolchain and machine, for the report's provenance.
enum Provenance {
    static func lines() -> [String] {
        let info = ProcessInfo.processInfo
        return [
            "sparse-scaling \(SparseScalingVersion.current)",
            "host: \(info.hostName), \(info.activeProcessorCount) cores, \(info.physicalMemory / 1_048_576) MiB, \(info.operatingSystemVersionString)",
            "swift: \(swiftVersion)",
            "linear algebra: OpenBLAS + LAPACKE",
            "date: \(ISO8601DateFormatter().string(from: Date()))",
        ]
    }

    static var swiftVersion: String {
        #if compiler(>=6.3)
        return "6.3 or later"
        #else
        return "before 6.3"
        #endif
    }
}
