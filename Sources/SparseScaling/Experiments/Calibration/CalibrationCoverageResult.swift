import Foundation
import ScalingAnalysis
import ScalingCalibration

/// What `CalibrationCoverage` found: per checked quantity, how many tables' 95% intervals held the truth, the
/// exact binomial tests of that count against a coverage of 90% and of 99%, and the median estimate and
/// interval width over tables (their bias against the truth).
public struct CalibrationCoverageResult: Sendable, Codable {
    /// One quantity's coverage over the tables.
    public struct Row: Sendable, Codable {
        /// Which quantity.
        public var quantity: CalibratedQuantity
        /// Its true value.
        public var truth: Double
        /// Tables whose 95% interval held the truth.
        public var covered: Int
        /// Tables simulated (failed fits count as not covered).
        public var tables: Int
        /// Median over tables of the estimate, and of the interval's width.
        public var medianEstimate: Double, medianWidth: Double
        /// P(Bin(tables, 0.90) ≤ covered) and P(Bin(tables, 0.99) ≥ covered): exact one-sided p-values.
        public var pBelowNinety: Double, pAboveNinetyNine: Double

        /// The row from each table's interval.
        init(quantity: CalibratedQuantity, truth: Double, intervals: [BootstrapInterval], tables: Int) {
            self.quantity = quantity
            self.truth = truth
            self.tables = tables
            covered = intervals.count { $0.covers(truth) }
            let estimates = intervals.map(\.estimate).filter(\.isFinite).sorted()
            let widths = intervals.map { $0.upper - $0.lower }.filter(\.isFinite).sorted()
            medianEstimate = estimates.isEmpty ? .nan : SampleQuantiles.quantile(estimates, 0.5)
            medianWidth = widths.isEmpty ? .nan : SampleQuantiles.quantile(widths, 0.5)
            pBelowNinety = BinomialDistribution.cdf(covered, trials: tables, probability: 0.90)
            pAboveNinetyNine = 1 - BinomialDistribution.cdf(covered - 1, trials: tables, probability: 0.99)
        }

        /// covered/tables.
        public var fraction: Double { Double(covered) / Double(max(tables, 1)) }

        /// The verdict at the exact 1% level on each side: "covers" when the count is consistent with a
        /// coverage in [0.90, 0.99], else "undercovers" or "overcovers".
        public var verdict: String {
            if pBelowNinety < CalibrationCoverageResult.testLevel { return "undercovers" }
            if pAboveNinetyNine < CalibrationCoverageResult.testLevel { return "overcovers" }
            return "covers"
        }
    }

    /// The level of each one-sided exact test: a true coverage in [0.90, 0.99] is called wrong with
    /// probability at most 1% on each side.
    public static let testLevel = 0.01

    /// The design simulated.
    public var design: SimulatedTableDesign
    /// Tables simulated, and those whose fit failed.
    public var tables: Int, failedTables: Int
    /// Seed of the simulated runs.
    public var seed: UInt64
    /// The calibration settings of each table.
    public var calibration: CalibrationSettings
    /// One row per checked quantity.
    public var rows: [Row]
    /// Wall-clock seconds simulating and calibrating all tables.
    public var simulationSeconds: Double, calibrationSeconds: Double

    /// Whether every checked quantity covers.
    public var allCover: Bool { rows.allSatisfy { $0.verdict == "covers" } }
}
