import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling point`: train one random-feature model and report its population loss.
struct PointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "point",
        abstract: "Train one random-feature model and report its exact population loss.",
        usage: "sparse-scaling point --n <n> --d <d> [<options>]"
    )

    @OptionGroup var options: PointOptions
    @OptionGroup var training: TrainingOptions
    @Option(parsing: .unconditional, help: "Seed of data, embedding and teacher, an integer in 0…2^64−1. Default 0.",
            transform: NumberArgument.seed(expected: "an integer in 0…2^64−1"))
    var seed: UInt64 = 0
    @OptionGroup var memory: MemoryOptions

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        let size = try options.singleSizes()
        _ = try options.specification(featureCount: size.n, sampleCount: size.d, seed: seed, training: training)
    }

    func run() throws {
        let size = try options.singleSizes()
        let spec = try options.specification(featureCount: size.n, sampleCount: size.d, seed: seed, training: training)
        let plan = try PointPlan(spec)
        try memory.check(plan.memory, job: "point (N = \(size.n), D = \(size.d))", points: [spec])
        do { try WorkEstimate(plan: plan)?.check(job: "point (N = \(size.n), D = \(size.d))") } catch { throw commandLineError(error) }
        let outcome = try PointEvaluator.evaluate(plan)
        if let warning = outcome.convergence?.warning(solver: spec.solver, tolerance: spec.optimization.gradientTolerance) {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        let summary = PointSummary(plan: plan, outcome: outcome)
        switch output.format {
        case .json: try output.emit(try summary.json())
        case .text: try output.emit(PointTextReport.render(summary))
        case .csv: try output.emit(summary.csv())
        }
    }
}

/// The text rendering of one point.
enum PointTextReport {
    static func render(_ s: PointSummary) -> String {
        let p = s.specification
        let noisy = p.labelNoise != 0
        let settings: [(String, String)] = s.plan.settings.map { ($0.name, $0.value.text) }
        var losses: [(String, String)] = [
            ("loss" + (noisy ? " (excess)" : ""), format(s.outcome.loss)), ("loss (observed)", format(s.outcome.lossObserved)),
            ("loss (tail, \(p.tail.rawValue))", format(s.outcome.lossTail)),
            ("loss standard error", s.outcome.lossStandardError.map(format) ?? "exact"),
        ]
        if noisy { losses.append(("test loss (excess + σ²)", format(s.outcome.testLoss))) }
        let sizes: [(String, String)] = [
            ("observed coordinates K", "\(s.outcome.observedCoordinates)"), ("rank", "\(s.outcome.rank)"),
            ("seconds", String(format: "%.4f", s.outcome.seconds)),
        ]
        // The theory's prediction at this (N, D), where it describes the point (docs/theory.md §6).
        let predicted = s.prediction.map { ($0.name.replacingOccurrences(of: "_", with: " "), $0.value.text) }
        var rows = settings + losses + predicted + sizes
        if p.data == .sparse, let cap = IndexCapLoss(parameters: p.parameters, sampleCount: p.sampleCount) {
            rows.insert(("index cap (M = inf)", cap.description), at: rows.count - 1)
        }
        if let c = s.outcome.convergence {
            let unit = p.solver == .sgd ? "epochs" : "iterations"
            rows.insert(contentsOf: [
                (unit, "\(c.iterations)"),
                ("converged", c.converged ? "yes" : "no (stopped at the \(unit) cap)"),
                ("relative gradient norm", String(format: "%.3g", c.relativeGradientNorm)),
                ("eta used", c.stepSize.map { "\($0)" } ?? "—"),
            ], at: rows.count - 1)
            // The population loss of the returned readout is exact, but it is not the trained model's unless converged.
            if !c.converged, let i = rows.firstIndex(where: { $0.0 == "loss standard error" }), s.outcome.lossStandardError == nil {
                rows[i].1 = "exact for this unconverged readout (not the minimum-norm solution's loss)"
            }
        }
        if p.solver == .online {  // a diverged run is an error, so a reported one completed every step
            rows.insert(("one-pass SGD", "\(p.sampleCount) steps, not diverged"), at: rows.count - 1)
        }
        if let used = s.outcome.estimator {
            rows.append(("estimator used", used == .conditional
                ? (!noisy ? "conditional: E[L | data] = (T + G₀)(N − 1)/(N − 1 − r), exact (docs/theory.md §6.1)"
                    : "conditional: E[L | data] = (T + G₀)(1 + (r + σ² tr A⁺)/(N − r − 1)) + σ² Σ λ_i (A⁺)_ii, exact (docs/theory.md §6.1, §7.1)")
                : "sample: N < r + 2, so one draw of W and w* (the conditional mean is not exact here)"))
        }
        let width = rows.map { $0.0.count }.max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    static func format(_ x: Double) -> String { String(format: "%.10g", x) }
}
