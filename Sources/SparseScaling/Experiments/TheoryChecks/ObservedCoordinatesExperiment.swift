import Foundation
import ScalingAnalysis

/// Lemma 3.2: the number K(D) of coordinates active in at least one of D samples, measured over
/// seeds, against the exact expectation Σ_i [1 − (1 − p_i)^D] and the asymptote Γ(1 − 1/β)·D^(1/β).
/// Only the data stream is drawn (no model is trained), so D can be large.
package enum ObservedCoordinatesExperiment {
    /// The D values and the seeds.
    public struct Configuration: Sendable, Codable {
        public var sampleCounts: [Int]
        public var seeds: Int

        /// The sizes of `profile`.
        public static func preset(_ profile: ExperimentProfile) -> Configuration {
            switch profile {
            case .quick: return Configuration(sampleCounts: (6...20).map { 1 << $0 }, seeds: 8)
            case .paper: return Configuration(sampleCounts: (6...24).map { 1 << $0 }, seeds: 16)
            }
        }
    }

    /// Draws the data of every (D, seed) and counts observed coordinates.
    public static func run(alpha: Double, beta: Double, configuration c: Configuration, threads: Int = ParallelChunks.defaultThreads, progress: ProgressReporter = ProgressReporter()) throws -> ObservedCoordinatesResult {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        progress.begin("observed coordinates", total: c.sampleCounts.count * c.seeds)
        defer { progress.finish() }
        var rows: [ObservedCoordinatesRow] = []
        for d in c.sampleCounts {
            var counts: [Double] = []
            for seed in 0..<c.seeds {
                let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: UInt64(seed)), sampleCount: d, threads: threads)
                counts.append(Double(set.observedCount))
                progress.advance()
            }
            rows.append(ObservedCoordinatesRow(
                sampleCount: d, counts: counts, exact: parameters.expectedObservedCoordinates(sampleCount: Double(d)),
                asymptotic: parameters.observedCoordinatesAsymptote(sampleCount: Double(d))))
        }
        return ObservedCoordinatesResult(alpha: alpha, beta: beta, rows: rows)
    }
}

/// K(D) at one D: measured over seeds, exact expectation and asymptote.
public struct ObservedCoordinatesRow: Sendable, Codable {
    public let sampleCount: Int
    public let counts: [Double]
    public let exact: Double
    public let asymptotic: Double?

    /// Mean measured K.
    public var mean: Double { counts.reduce(0, +) / Double(max(1, counts.count)) }
    /// Standard error of the mean.
    public var standardError: Double {
        guard counts.count > 1 else { return 0 }
        let m = mean
        return (counts.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(counts.count - 1) / Double(counts.count)).squareRoot()
    }
    /// (measured − exact)/SE: within ±3 when the measurement agrees with the exact expectation.
    public var zScore: Double { standardError > 0 ? (mean - exact) / standardError : 0 }
}

/// The observed-coordinate counts against the theory.
public struct ObservedCoordinatesResult: ExperimentOutput {
    public static let name = "observed-coordinates"
    /// The columns of `observed-coordinates.csv`.
    public static let csvHeaders = ["d", "k_mean", "k_se", "seeds", "k_exact", "k_asymptotic", "z"]
    public let alpha: Double
    public let beta: Double
    public let rows: [ObservedCoordinatesRow]

    /// The largest |z| of measured vs exact over all D.
    public var maxAbsZScore: Double { rows.map { abs($0.zScore) }.max() ?? 0 }
    /// Whether every D agrees with the exact expectation within 4 standard errors (z-scores of many D).
    public var agrees: Bool { maxAbsZScore <= 4 }

    /// The data tables behind the figures, by file name.
    public func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        for r in rows {
            table.append([.integer(r.sampleCount), .number(r.mean), .number(r.standardError), .integer(r.counts.count), .number(r.exact), .optional(r.asymptotic), .number(r.zScore)])
        }
        return ["\(Self.name).csv": table.render()]
    }

    /// The measurement against the theory, in a few lines for the terminal.
    public func summaryText() -> String {
        var lines = ["observed coordinates K(D) (α = \(alpha), β = \(beta)):"]
        for r in rows {
            lines.append("  D = \(r.sampleCount): measured \(UncertainValueFormat.string(r.mean, standardError: r.standardError)), exact \(fourSignificantDigits(r.exact)), asymptote \(r.asymptotic.map(fourSignificantDigits) ?? "—"), z = \(String(format: "%.2f", r.zScore))")
        }
        lines.append("  max |z| = \(String(format: "%.2f", maxAbsZScore)) (\(agrees ? "agrees" : "DISAGREES") with the exact expectation)")
        return lines.joined(separator: "\n")
    }
}
