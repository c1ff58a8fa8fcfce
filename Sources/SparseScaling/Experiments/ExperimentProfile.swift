/// How big the experiments of `reproduce` and `experiment` are.
package enum ExperimentProfile: String, Sendable, Codable, CaseIterable {
    /// Minutes on 2 cores: enough points and seeds to check every exponent.
    case quick
    /// At least the paper's sizes (≥ 8 seeds, D-sweeps to ≥ 2^15).
    case paper
}

/// The output of a named experiment: its data tables (CSV) and a short text summary.
package protocol ExperimentOutput: Encodable, Sendable {
    /// The experiment's command name (also the stem of its files).
    static var name: String { get }
    /// Data tables behind the figures, by file name (e.g. "linear-sweeps.csv").
    func csvTables() -> [String: String]
    /// A human-readable summary of the measurement against the theory.
    func summaryText() -> String
    /// The verdict rows the experiment judges itself (see the extension's default).
    var verdictRows: [ComparisonRow] { get }
}

extension ExperimentOutput {
    /// The verdict rows the experiment writes into its JSON (`verdicts`) and prints, with the ids and groups
    /// of `reproduce`'s summary.json; none unless the experiment judges them itself.
    package var verdictRows: [ComparisonRow] { [] }
}
