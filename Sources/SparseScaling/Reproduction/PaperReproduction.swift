import Foundation

/// Runs every experiment of docs/theory.md §5 for one profile, resuming from the runner's store.
package enum PaperReproduction {
    /// The experiments in the order they run (for progress messages).
    public static let steps = ["theory", "observed-coordinates", "model-rich-loss", "linear-sweeps", "collapse", "frontier", "relu-sweeps", "gd-failure", "loss-curve", "label-noise", "online"]

    /// Runs the whole set at α, β (the GD-failure experiment at `gdAlpha` < −1, where spikes exist);
    /// `announce` is called with (step number, count, name) before each step.
    public static func run(
        alpha: Double, beta: Double, gdAlpha: Double = -1.5, plan: ReproductionPlan, runner: MeasurementRunner,
        announce: (Int, Int, String) -> Void = { _, _, _ in }
    ) throws -> ReproductionResults {
        let start = Date()
        let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: beta > 1 ? .infinite : .finite(1 << 20))
        var step = 0
        func next(_ name: String) {
            step += 1
            announce(step, steps.count, name)
        }
        next("theory")
        let theory = try TheoryReport(parameters: parameters, featureCount: nil, sampleCount: nil)
        next("observed-coordinates")
        let observed = try ObservedCoordinatesExperiment.run(alpha: alpha, beta: beta, configuration: plan.observedCoordinates, threads: runner.threads, progress: runner.progress)
        next("model-rich-loss")
        let modelRich = try ModelRichLossExperiment.run(alpha: alpha, beta: beta, configuration: plan.modelRichLoss, runner: runner)
        next("linear-sweeps")
        let linear = try LinearSweepsExperiment.run(alpha: alpha, beta: beta, configuration: plan.linearSweeps, runner: runner)
        next("collapse")
        let collapse = try CollapseExperiment.run(alpha: alpha, beta: beta, configuration: plan.collapse, runner: runner)
        next("frontier")
        let frontier = try FrontierExperiment.run(alpha: alpha, beta: beta, configuration: plan.frontier, runner: runner)
        next("relu-sweeps")
        let relu = try ReLUSweepsExperiment.run(alpha: alpha, beta: beta, configuration: plan.reluSweeps, runner: runner)
        next("gd-failure")
        let gdFailure = try GDFailureExperiment.run(alpha: gdAlpha, beta: beta, configuration: plan.gdFailure, threads: runner.threads, progress: runner.progress)
        next("loss-curve")
        let lossCurve = try LossCurveExperiment.run(configuration: plan.lossCurve, runner: runner)
        next("label-noise")
        let labelNoise = try LabelNoiseExperiment.run(alpha: alpha, beta: beta, configuration: plan.labelNoise, runner: runner)
        next("online")
        let online = try OnlineExperiment.run(alpha: alpha, beta: beta, configuration: plan.online, threads: runner.threads, progress: runner.progress)
        return ReproductionResults(
            plan: plan, alpha: alpha, beta: beta, theory: theory, observedCoordinates: observed, modelRichLoss: modelRich,
            linear: linear, collapse: collapse, frontier: frontier, relu: relu, gdFailure: gdFailure, lossCurve: lossCurve,
            labelNoise: labelNoise, online: online,
            seconds: Date().timeIntervalSince(start))
    }
}
