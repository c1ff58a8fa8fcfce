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

    @OptionGroup var exponents: ExponentOptions<ExperimentExponents>

    @Option(parsing: .unconditional, help: "Amplitude exponent α of the GD-failure experiment, < −1 (spikes need it). Default −1.5.",
            transform: NumberArgument.real(expected: "a finite number < −1"))
    var gdAlpha: Double = -1.5

    @OptionGroup var threadOptions: ThreadOptions

    @OptionGroup var memory: MemoryOptions

    @Flag(help: "Print no step lines, progress bar or notes on standard error (errors are still printed).")
    var quiet = false

    func validate() throws {
        let beta = exponents.beta
        guard gdAlpha < -1, gdAlpha + beta > 0 else {
            throw ValidationError("invalid value '\(gdAlpha)' for --gd-alpha: expected α < −1 with α + β > 0 (here β = \(beta))")
        }
        try OutputFolder.checkWritable(out, flag: "--out")
    }

    /// The command with every flag that determines the results, defaults included, so that pasting it
    /// reproduces the run whatever the defaults of a later version.
    var everyFlag: String {
        let folder = out.contains(" ") ? "'\(out)'" : out
        return "sparse-scaling reproduce --profile \(profile.rawValue) --alpha \(exponents.alpha) --beta \(exponents.beta) "
            + "--gd-alpha \(gdAlpha) --threads \(threadOptions.threads) --out \(folder)" + (quiet ? " --quiet" : "")
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        let storePath = folder.appendingPathComponent("sparse-scaling.sqlite").path
        var runOptions = try RunOptions.parse(["--store", storePath, "--threads", "\(threadOptions.threads)", "--max-memory", "\(try memory.limit())"])
        try runOptions.validate()
        // The whole plan (every experiment's parameters and the peak memory of every step) is checked
        // before any work and before the output folder or the store is created.
        let plan = ReproductionPlan(profile: profile)
        let estimate: MemoryEstimate
        do {
            estimate = try plan.memoryEstimate(
                alpha: exponents.alpha, beta: exponents.beta, gdAlpha: gdAlpha, threads: threadOptions.threads,
                store: try runOptions.existingStore())
        } catch let error as ParameterError {
            throw error.usageError
        }
        try memory.check(estimate, job: "reproduce --profile \(profile.rawValue)")
        let runner = try runOptions.runner(defaultTag: "reproduce", quiet: quiet)
        // The summary is the completeness marker: remove a stale one before recomputing.
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("summary.json"))
        let quiet = quiet
        let results = try PaperReproduction.run(alpha: exponents.alpha, beta: exponents.beta, gdAlpha: gdAlpha, plan: plan, runner: runner) { step, count, name in
            if !quiet { FileHandle.standardError.write(Data("[\(step)/\(count)] \(name)\n".utf8)) }
        }
        let command = (["sparse-scaling"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let commit = Provenance.commit
        try ReproductionWriter.write(results, to: folder, command: command,
                                     provenance: ["command with every flag: \(everyFlag)"] + Provenance.lines() + ["commit: \(commit ?? "unknown")"],
                                     version: SparseScalingVersion.current, commit: commit)
        for row in results.comparisonRows { print(row.textLine) }
        print("wrote \(out)/report.html, \(out)/figures/, \(out)/data/, \(out)/summary.json (\(String(format: "%.0f", results.seconds)) s)")
    }
}

/// Lines describing the tool, toolchain and machine, for the report's provenance.
enum Provenance {
    static func lines() -> [String] {
        let info = ProcessInfo.processInfo
        return [
            "version: sparse-scaling \(SparseScalingVersion.current)",
            "host: \(info.hostName), \(info.activeProcessorCount) cores, \(info.physicalMemory / 1_048_576) MiB, \(info.operatingSystemVersionString)",
            "swift: \(swiftVersion)",
            "linear algebra: OpenBLAS + LAPACKE",
            "date: \(ISO8601DateFormatter().string(from: Date()))",
        ]
    }

    /// The source commit, `git rev-parse HEAD` in the current directory; nil when git or a repository is missing.
    static var commit: String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && text.count == 40 ? text : nil
    }

    /// The toolchain the binary was built with.
    static var swiftVersion: String {
        #if compiler(>=6.3)
        return "6.3 or later"
        #else
        return "before 6.3"
        #endif
    }
}
