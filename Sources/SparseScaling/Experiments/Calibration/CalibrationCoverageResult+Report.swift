import Foundation
import ScalingCalibration

extension CalibrationCoverageResult {
    /// The text summary: the design, one line per checked quantity (coverage, exact tests, median estimate and
    /// interval width against the truth, verdict), the time.
    public var text: String {
        let d = design, p = d.parameters
        func g(_ x: Double) -> String { x.isFinite ? String(format: "%.4g", x) : "—" }
        var lines = [
            "calibrate-coverage: \(tables) tables simulated at α = \(g(p.alpha)), β = \(g(p.beta)) (truth a = α + β = \(g(p.alpha + p.beta)), b = (α + β)/β = \(g((p.alpha + p.beta) / p.beta)), E = 0), seed \(seed)",
            "  each table: \(d.dataRichFeatureCounts.count) data-rich runs N = \(d.dataRichFeatureCounts.first!)…\(d.dataRichFeatureCounts.last!) at D = \(d.dataRichSampleCount) (E[K(D)]/N ≥ \(g(d.dataRichClearance)))"
                + " + \(d.modelRichSampleCounts.count) model-rich runs D = \(d.modelRichSampleCounts.first!)…\(d.modelRichSampleCounts.last!) at N = \(d.modelRichFeatureCount) (N/E[K(D)] ≥ \(g(d.modelRichClearance)));"
                + " exact reduced solver, one seed per run",
            "  calibrated as calibrate does: additive fit from \(calibration.grid.count) grid starts, \(calibration.bootstrapResamples) bootstrap resamples (best \(calibration.refinedStarts) starts each), 95% percentile intervals",
            "  quantity  truth     covered  fraction  P(Bin(n,0.90) ≤ k)  P(Bin(n,0.99) ≥ k)  median estimate  median CI width  verdict",
        ]
        for r in rows {
            lines.append("  " + [r.quantity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                                 g(r.truth).padding(toLength: 8, withPad: " ", startingAt: 0),
                                 "\(r.covered)/\(r.tables)".padding(toLength: 8, withPad: " ", startingAt: 0),
                                 String(format: "%.3f", r.fraction).padding(toLength: 8, withPad: " ", startingAt: 0),
                                 String(format: "%.3g", r.pBelowNinety).padding(toLength: 18, withPad: " ", startingAt: 0),
                                 String(format: "%.3g", r.pAboveNinetyNine).padding(toLength: 18, withPad: " ", startingAt: 0),
                                 g(r.medianEstimate).padding(toLength: 15, withPad: " ", startingAt: 0),
                                 g(r.medianWidth).padding(toLength: 15, withPad: " ", startingAt: 0), r.verdict].joined(separator: "  "))
        }
        if failedTables > 0 { lines.append("  \(failedTables) of \(tables) tables could not be fitted (counted as not covered)") }
        lines.append("verdict (exact binomial tests at 1% each side against a coverage in [0.90, 0.99]): "
                     + (allCover ? "the 95% intervals cover as promised" : "the 95% intervals do NOT cover as promised: " + rows.filter { $0.verdict != "covers" }.map { "\($0.quantity.rawValue) \($0.verdict)" }.joined(separator: ", ")))
        lines.append(String(format: "time: simulation %.1f s, calibration %.1f s", simulationSeconds, calibrationSeconds))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The columns of `csv`.
    public static let csvHeader = ["quantity", "truth", "covered", "tables", "fraction", "p_below_90", "p_above_99", "median_estimate",
                                   "median_ci_width", "verdict", "alpha", "beta", "resamples", "seed", "failed_tables"]

    /// One row per checked quantity (empty cells where no table could be fitted).
    public var csv: String {
        func cell(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }
        let p = design.parameters
        let rows = rows.map { r in
            [r.quantity.rawValue, "\(r.truth)", "\(r.covered)", "\(r.tables)", "\(r.fraction)", "\(r.pBelowNinety)", "\(r.pAboveNinetyNine)",
             cell(r.medianEstimate), cell(r.medianWidth), r.verdict, "\(p.alpha)", "\(p.beta)", "\(calibration.bootstrapResamples)", "\(seed)", "\(failedTables)"]
        }
        return ([Self.csvHeader] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
