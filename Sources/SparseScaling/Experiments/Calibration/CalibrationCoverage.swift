import Foundation
import ScalingCalibration

/// The coverage check of `calibrate` on the simulator's own runs: tables simulated at known (α, β) by a
/// `SimulatedTableDesign`, each calibrated as `calibrate` does (the additive fit from every grid start, the
/// bootstrap over runs), and the fraction of tables whose 95% interval holds the truth a = α + β,
/// b = (α + β)/β, α, β (E = 0 lies on the boundary of the fit, E > 0, and is not checked).
public struct CalibrationCoverage: Sendable {
    /// The simulated tables' sizes and (α, β).
    public var design: SimulatedTableDesign
    /// Number of tables.
    public var tables: Int
    /// Seed of the simulated runs; table t's bootstrap uses the calibration seed + t.
    public var seed: UInt64
    /// How each table is calibrated (B, seed, grid, refined starts; the folds are not used).
    public var calibration: CalibrationSettings

    /// The quantities whose intervals are checked against the truth.
    public static let checked: [CalibratedQuantity] = [.modelExponent, .dataExponent, .alpha, .beta]

    /// A check of `tables` tables of `design`.
    public init(design: SimulatedTableDesign, tables: Int, seed: UInt64, calibration: CalibrationSettings) {
        self.design = design
        self.tables = tables
        self.seed = seed
        self.calibration = calibration
    }

    /// The true value of each checked quantity: a = α + β, b = (α + β)/β, α, β.
    public var truth: [CalibratedQuantity: Double] {
        let alpha = design.parameters.alpha, beta = design.parameters.beta
        return [.modelExponent: alpha + beta, .dataExponent: (alpha + beta) / beta, .alpha: alpha, .beta: beta]
    }

    /// Simulates and calibrates every table; `progress` hears one line per table. A table whose fit fails
    /// counts as not covered (and is counted apart).
    public func run(progress: (String) -> Void = { _ in }) throws -> CalibrationCoverageResult {
        var intervals: [[CalibratedQuantity: BootstrapInterval]] = []
        var failures = 0, simulationSeconds = 0.0, calibrationSeconds = 0.0
        for t in 0..<tables {
            var clock = Date()
            let runs = try SimulatedRunTable.runs(design, table: t, seed: seed)
            simulationSeconds += Date().timeIntervalSince(clock)
            clock = Date()
            var settings = calibration
            settings.seed = calibration.seed &+ UInt64(t)
            let compute = 10 * runs.map { 6 * $0.featureCount * $0.sampleCount }.max()!
            do {
                let fit = try Calibration.fitAdditive(runs, settings: settings)
                let found = Calibration.bootstrap(runs, estimate: fit, settings: settings, compute: compute).intervals
                intervals.append(Dictionary(uniqueKeysWithValues: found.filter { Self.checked.contains($0.quantity) }.map { ($0.quantity, $0) }))
            } catch {
                failures += 1
            }
            calibrationSeconds += Date().timeIntervalSince(clock)
            progress("table \(t + 1) of \(tables) calibrated")
        }
        let truth = truth
        let rows = Self.checked.map { q in
            CalibrationCoverageResult.Row(quantity: q, truth: truth[q]!, intervals: intervals.compactMap { $0[q] }, tables: tables)
        }
        return CalibrationCoverageResult(
            design: design, tables: tables, failedTables: failures, seed: seed, calibration: calibration, rows: rows,
            simulationSeconds: simulationSeconds, calibrationSeconds: calibrationSeconds)
    }
}
