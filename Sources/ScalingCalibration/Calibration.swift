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
        let additive = try MultiStartFitter(grid: settings.grid, refinedStarts: nil, huber: huber).fitAdditive(runs)
        let joined = try screened.fitJoined(runs, additive: additive)
        let fitSeconds = Date().timeIntervalSince(clock)

        clock = Date()
        var intervals: [BootstrapInterval] = [], laws: [AdditiveLaw] = []
        if settings.bootstrapResamples > 0 {
            progress("bootstrap: \(settings.bootstrapResamples) resamples")
            let fits = Bootstrap(resamples: settings.bootstrapResamples, seed: settings.seed, fitter: screened).additiveFits(runs)
            intervals = Bootstrap.intervals(estimate: additive, resampled: fits, compute: compute)
            laws = fits.compactMap { $0?.additive }
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
}
