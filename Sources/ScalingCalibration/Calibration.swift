import Foundation

/// The calibration pipeline: fit the additive law to all runs from every grid start, bootstrap it, map
/// (a, b) onto (α, β) with the verdict on β > 1, fit the joined law, and compare both by cross-validation.
public enum Calibration {
    /// Calibrates `table` under `settings`; `progress` hears each stage's name as it starts.
    public static func run(_ table: RunTable, settings: CalibrationSettings,
                           progress: (String) -> Void = { _ in }) throws(CalibrationError) -> CalibrationResult {
        let runs = table.runs
        let minimum = LawShape.joined.parameterCount + 2
        guard runs.count >= minimum else { throw .tooFewRuns(count: runs.count, minimum: minimum) }
        if Set(runs.map(\.featureCount)).count == 1 { throw .noSpread(role: "n", value: runs[0].featureCount) }
        if Set(runs.map(\.sampleCount)).count == 1 { throw .noSpread(role: "d", value: runs[0].sampleCount) }
        let huber = HuberLoss(delta: settings.huberDelta)
        let compute = settings.compute ?? 10 * runs.map { 6 * $0.featureCount * $0.sampleCount }.max()!
        let screened = MultiStartFitter(grid: settings.grid, refinedStarts: settings.refinedStarts, huber: huber)

        progress("fitting \(runs.count) runs from \(settings.grid.count) starts")
        var clock = Date()
        let additive = try fitAdditive(runs, settings: settings)
        let joined = try screened.fitJoined(runs, additive: additive)
        let fitSeconds = Date().timeIntervalSince(clock)

        clock = Date()
        var intervals: [BootstrapInterval] = [], laws: [AdditiveLaw] = []
        if settings.bootstrapResamples > 0 {
            progress("bootstrap: \(settings.bootstrapResamples) resamples")
            (intervals, laws) = bootstrap(runs, estimate: additive, settings: settings, compute: compute)
        }
        let bootstrapSeconds = Date().timeIntervalSince(clock)

        clock = Date()
        var comparison: CrossValidationResult?
        if settings.folds > 0 {
            progress("cross-validation: \(settings.folds) folds")
            comparison = try CrossValidation(folds: settings.folds, seed: settings.seed, fitter: screened).compare(runs)
        }
        let betaBound = intervals.first { $0.quantity == .beta }?.oneSidedLower
        var resolved = settings
        resolved.compute = compute
        return CalibrationResult(
            table: table, settings: resolved, compute: compute, additive: additive, joined: joined, intervals: intervals,
            resampledLaws: laws, verdict: AsymmetryVerdict(betaLowerBound: betaBound), crossValidation: comparison,
            seconds: .init(fit: fitSeconds, bootstrap: bootstrapSeconds, crossValidation: Date().timeIntervalSince(clock)))
    }

    /// The additive law fitted to all `runs` from every start of the settings' grid: calibrate's estimate.
    public static func fitAdditive(_ runs: [ScalingRun], settings: CalibrationSettings) throws(CalibrationError) -> LawFit {
        try MultiStartFitter(grid: settings.grid, refinedStarts: nil, huber: HuberLoss(delta: settings.huberDelta)).fitAdditive(runs)
    }

    /// The percentile intervals of every quantity at `compute` around `estimate` from the settings' B resamples
    /// (each refitted from the best `refinedStarts` grid starts), and the resampled laws that could be fitted.
    public static func bootstrap(_ runs: [ScalingRun], estimate: LawFit, settings: CalibrationSettings,
                                 compute: Double) -> (intervals: [BootstrapInterval], laws: [AdditiveLaw]) {
        let screened = MultiStartFitter(grid: settings.grid, refinedStarts: settings.refinedStarts, huber: HuberLoss(delta: settings.huberDelta))
        let fits = Bootstrap(resamples: settings.bootstrapResamples, seed: settings.seed, fitter: screened).additiveFits(runs)
        return (Bootstrap.intervals(estimate: estimate, resampled: fits, compute: compute), fits.compactMap { $0?.additive })
    }
}
