import ArgumentParser
import Foundation
import SparseScaling
import SparseScalingBenchmarks

/// `sparse-scaling bench`: time the reduced solver against the direct one, its growth with D and N,
/// the dense kernels against the dgemm peak, and the dense/ReLU paths against NumPy.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the solvers' speed, growth exponents, kernel GFLOP/s and peak memory.",
        discussion: "Each measurement runs in a child process of this binary so that its peak RSS is its own. The full run takes about an hour on 2 cores (the estimator comparison and the samplers up to D = 10^10; the direct solver at N = 1024, D = M = 16384 alone needs ~2.5 GB); --quick takes a few minutes. Timings are wall clock: run on an otherwise idle machine."
    )

    @Flag(help: "Run the shorter set of sizes (a few minutes) instead of the full one.")
    var quick = false

    @Flag(help: "Measure only the sampler rows: the whole point under the per-sample and the sublinear sampler, the sublinear D sweep and the loss agreement.")
    var samplers = false

    @Flag(help: "Measure only the sampler speed rows: the whole point under both samplers side by side (all threads, and one thread) and the draw rates.")
    var samplerSpeed = false

    @Option(help: "Output format: text or json (csv is refused: the rows differ in kind). Default text.")
    var format: OutputFormat = .text

    @Flag(help: "Print no progress lines on standard error.")
    var quiet = false

    @Flag(help: "Run only the estimator comparison: SE per CPU second of --estimator conditional vs sample on a model-rich D sweep (N = 4D).")
    var onlyEstimators = false

    @Option(help: ArgumentHelp("Print the Markdown performance table (the README's) of a saved `bench --format json` run, without measuring.", valueName: "file"))
    var render: String?

    @Option(help: .hidden)
    var job: String?

    /// The largest D at which the estimator comparison also runs the default estimator (plan's when nil).
    @Option(help: .hidden)
    var estimatorSampleLimit: Int?

    /// Wall-clock seconds per D of the default estimator's extra seeds in the estimator comparison.
    @Option(help: .hidden)
    var estimatorBudget: Double?

    /// Minutes from the start after which the estimator comparison's default estimator starts nothing new.
    @Option(help: .hidden)
    var estimatorMinutes: Double?

    func validate() throws {
        try format.require([.text, .json], in: "bench", because: "its rows measure different things, with different columns")
        if render != nil && (quick || samplers || samplerSpeed || onlyEstimators || format != .text) {
            throw ValidationError("--render prints a saved run's Markdown table: it takes none of --quick, --samplers, --sampler-speed, --only-estimators, --format")
        }
        if samplerSpeed && onlyEstimators {
            throw ValidationError("--sampler-speed and --only-estimators each choose the rows to measure: give one of them")
        }
        if let estimatorSampleLimit, estimatorSampleLimit < 1 {
            throw ValidationError("invalid value '\(estimatorSampleLimit)' for --estimator-sample-limit: expected an integer ≥ 1")
        }
        if let estimatorBudget, !(estimatorBudget > 0 && estimatorBudget.isFinite) {
            throw ValidationError("invalid value '\(estimatorBudget)' for --estimator-budget: expected a number of seconds > 0")
        }
        if let estimatorMinutes, !(estimatorMinutes > 0 && estimatorMinutes.isFinite) {
            throw ValidationError("invalid value '\(estimatorMinutes)' for --estimator-minutes: expected a number of minutes > 0")
        }
    }

    func run() throws {
        if let job {
            // Child mode: one measurement, one JSON line on standard output.
            let measurement = try BenchmarkJob(encoded: job).run()
            print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
            return
        }
        if let render {
            guard let data = FileManager.default.contents(atPath: render) else {
                throw RuntimeError("cannot read --render \(render): no such file")
            }
            guard let saved = try? BenchmarkReport(json: data) else {
                throw RuntimeError("--render \(render) is not the JSON of `sparse-scaling bench --format json`")
            }
            print(saved.markdown())
            return
        }
        let start = Date(), loadAtStart = BenchmarkProvenance.currentLoad(), commit = Provenance.commit
        // Each job runs in a child copy of this binary: `bench --job <json>` (this command's child mode).
        let measure: @Sendable (BenchmarkJob) -> BenchmarkMeasurement = { job in
            ChildProcess.measure(job, arguments: { ["bench", "--job", $0] })
        }
        var plan: BenchmarkPlan = quick ? .quick : .full
        plan.samplersOnly = samplers || samplerSpeed
        plan.samplerSpeedOnly = samplerSpeed
        plan.pointMemoryBytes = MemorySize.defaultLimit
        if let estimatorSampleLimit { plan.estimatorSampleLimit = estimatorSampleLimit }
        if let estimatorBudget { plan.estimatorBudgetSeconds = estimatorBudget }
        if let estimatorMinutes { plan.estimatorDeadline = Date(timeIntervalSinceNow: 60 * estimatorMinutes) }
        let quiet = quiet
        let runner = BenchmarkRunner(plan: plan, measure: measure, progress: { line in
            if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        })
        var report = onlyEstimators ? try runner.runEstimatorComparison() : try runner.run()
        report.provenance = BenchmarkProvenance(
            command: (["sparse-scaling"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            commit: commit, start: start, loadAtStart: loadAtStart)
        switch format {
        case .json: print(try report.json())
        case .text, .csv: print(report.text())
        }
    }
}
