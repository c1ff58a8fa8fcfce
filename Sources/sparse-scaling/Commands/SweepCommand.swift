import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling sweep`: measure the loss over a grid of N or D values and fit the scaling exponent.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Measure mean loss ± SE over seeds along N or D and fit the power-law exponent.",
        usage: "sparse-scaling sweep (--n <n> | --n-per-d <c>) --d <d> [<options>]",
        discussion: "Example: sparse-scaling sweep --n 4...256x2 --d 1e6 --seeds 6 (an N-sweep), or --d 64...16384x2 --n-per-d 4 (a model-rich D-sweep). --n and --d take one size, a list (8,16,32) or a log range (8...4096x2: start, end, factor > 1). Results go to the store; re-running computes only what is missing."
    )

    @OptionGroup var options: PointOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var runOptions: RunOptions
    @OptionGroup var seedOptions: SeedOptions

    @Option(parsing: .unconditional, help: "Tie N = C·D for each D (model-rich D-sweeps), C > 0; replaces --n.",
            transform: NumberArgument.real(expected: "a number > 0"))
    var nPerD: Double?

    @Option(parsing: .unconditional, help: "Fit the exponent on the last K points, K ≥ 3. Default 5.",
            transform: NumberArgument.whole(in: 3...Int.max, expected: "an integer ≥ 3"))
    var fitTail: Int = 5

    @OptionGroup var output: ReportOutputOptions

    @Option(help: "Also draw the sweep (mean ± SE, the fit and the theory line) to this SVG file.")
    var plot: String?

    @Flag(help: "Run a grid of more than \(GridSize.confirmationThreshold) points (refused without it).")
    var yes = false

    func validate() throws {
        if let nPerD, !(nPerD > 0 && nPerD.isFinite) {
            throw ValidationError("invalid value '\(nPerD)' for --n-per-d: expected a number > 0")
        }
        if let nPerD, let largest = try options.sizes().sampleCounts.max(), !(nPerD * Double(largest) <= 1e15) {
            throw ValidationError("invalid value '\(nPerD)' for --n-per-d: N = C·D must stay ≤ 1e15 (here D up to \(largest))")
        }
        if let nPerD, let smallest = try options.sizes().sampleCounts.min(), nPerD * Double(smallest) < 0.5 {
            throw ValidationError("invalid value '\(nPerD)' for --n-per-d: N = C·D rounds to 0 at D = \(smallest); expected C ≥ \(0.5 / Double(smallest))")
        }
        if let plot { try OutputFile.checkWritable(plot, flag: "--plot") }
        guard fitTail >= 3 else { throw ValidationError("invalid value '\(fitTail)' for --fit-tail: expected an integer ≥ 3") }
        let grid = try options.sizes()
        if grid.featureCounts == nil, nPerD == nil { throw ValidationError("missing --n: give N values, or --n-per-d C") }
        if grid.featureCounts != nil, nPerD != nil { throw ValidationError("--n and --n-per-d exclude each other: give one") }
        try GridSize.confirm(points: (grid.featureCounts?.count ?? 1) * grid.sampleCounts.count, flags: grid.featureCounts == nil ? "--d" : "--n × --d", yes: yes)
        _ = try options.specification(featureCount: grid.featureCounts?.first ?? 1, sampleCount: grid.sampleCounts[0], training: training)
    }

    func run() throws {
        let grid = try options.sizes()
        let base = try options.specification(featureCount: grid.featureCounts?.first ?? 1, sampleCount: grid.sampleCounts[0], training: training)
        let plan = SweepPlan(
            base: base, featureCounts: grid.featureCounts ?? [], sampleCounts: grid.sampleCounts,
            featuresPerSample: nPerD, seeds: seedOptions.list)
        let points = plan.points
        for p in points { try p.validate() }
        let jobs = points.count * plan.seeds.count
        let concurrency = min(runOptions.threads, jobs)
        try runOptions.memory.check(
            MemoryEstimate(points: points, concurrency: concurrency), job: "sweep (\(jobs) points, \(concurrency) at once)",
            points: points, concurrency: concurrency)
        do {
            try WorkEstimate(points: points, seedCount: plan.seeds.count)
                .check(job: "sweep (\(points.count) points × \(plan.seeds.count) seeds)")
        } catch { throw commandLineError(error) }
        let runner = try runOptions.runner(defaultTag: "sweep", quiet: output.quiet)
        let measured = try runner.measure(points, seeds: plan.seeds, label: "sweep")
        let result = SweepResult(points: measured, variable: plan.sweptVariable, fitTail: fitTail)
        let report = SweepReport(
            result: result, base: base, plan: plan, counts: runner.lastCounts, store: runOptions.store,
            shard: runOptions.shard, tag: runner.tag ?? "sweep", fitTail: fitTail)
        if let plot {
            try OutputFile.write(
                SweepPlot.svg(result, prediction: report.prediction, title: SweepPlot.title(plan: plan, seedCount: plan.seeds.count)), to: plot, flag: "--plot")
        }
        switch output.format {
        case .text: try output.emit(report.text())
        case .json: try output.emit(try report.json())
        case .csv: try output.emit(result.csv())
        }
        if let note = result.convergenceNote { FileHandle.standardError.write(Data("warning: \(note)\n".utf8)) }
    }
}
