import ArgumentParser
import Foundation
import ResultsStore
import SparseScaling

/// `sparse-scaling plot`: draw a sweep already in a results store (nothing is computed or written to the store).
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a stored sweep as SVG: mean loss ± SE, the fitted power law and the theory's slope.",
        discussion: "Give the same grid and options as the sweep that filled the store, e.g. sparse-scaling plot --store s.sqlite --n 4...256x2 --d 1e6 --seeds 6 --out sweep.svg. Points with no stored seed are left out."
    )

    @OptionGroup var options: PointOptions
    @OptionGroup var seedOptions: SeedOptions

    @Option(help: "Results store to read (opened read-only).")
    var store: String = "results/sparse-scaling.sqlite"

    @Option(parsing: .unconditional, help: "Tie N = C·D for each D (model-rich D-sweeps), C > 0; replaces --n.")
    var nPerD: Double?

    @Option(parsing: .unconditional, help: "Fit the exponent on the last K points, K ≥ 3.")
    var fitTail: Int = 5

    @Option(help: "SVG file to write.")
    var out: String = "sweep.svg"

    func validate() throws {
        if let nPerD, !(nPerD > 0 && nPerD.isFinite) {
            throw ValidationError("invalid value '\(nPerD)' for --n-per-d: expected a number > 0")
        }
        guard fitTail >= 3 else { throw ValidationError("invalid value '\(fitTail)' for --fit-tail: expected an integer ≥ 3") }
        let grid = try options.sizes()
        if grid.featureCounts == nil, nPerD == nil { throw ValidationError("missing --n: give N values, or --n-per-d C") }
        if grid.featureCounts != nil, nPerD != nil { throw ValidationError("--n and --n-per-d exclude each other: give one") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: store, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError("invalid value '\(store)' for --store: not a readable file")
        }
        try OutputFile.checkWritable(out, flag: "--out")
    }

    func run() throws {
        let grid = try options.sizes()
        let base = try options.specification(featureCount: grid.featureCounts?.first ?? 1, sampleCount: grid.sampleCounts[0])
        let plan = SweepPlan(
            base: base, featureCounts: grid.featureCounts ?? [], sampleCounts: grid.sampleCounts,
            featuresPerSample: nPerD, seeds: seedOptions.list)
        let opened: ResultsStore
        do { opened = try ResultsStore(readingAt: store) } catch {
            throw RuntimeError("cannot read --store \(store): \(error)")
        }
        let measured = try MeasurementRunner(store: opened, progress: ProgressReporter(quiet: true))
            .aggregate(plan.points, seeds: plan.seeds)
        guard !measured.isEmpty else {
            throw RuntimeError("--store \(store) holds none of the \(plan.points.count) points of this sweep; run `sparse-scaling sweep` with the same options first")
        }
        let result = SweepResult(points: measured, variable: plan.sweptVariable, fitTail: fitTail)
        let prediction = result.variable.map { SweepPrediction(parameters: base.parameters, data: base.data, variable: $0) }
        let title = "\(plan.sweptVariable == .n ? "N" : "D")-sweep, α = \(base.parameters.alpha), β = \(base.parameters.beta)"
        try OutputFile.write(SweepPlot.svg(result, prediction: prediction, title: title), to: out)
        print("wrote \(out): \(measured.count) of \(plan.points.count) points" + (result.fit.map { _ in "" } ?? " (no fit: \(result.fitNote ?? "too few points"))"))
    }
}
