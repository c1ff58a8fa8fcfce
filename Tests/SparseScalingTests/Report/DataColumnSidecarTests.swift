import Foundation
import Testing
@testable import SparseScaling

/// The `.columns.json` sidecars of the data CSVs: α, β, and a meaning for every column of every experiment.
@Suite("Data column sidecars")
struct DataColumnSidecarTests {
    /// The CSV headers the experiments write, by experiment name.
    static let headers: [String: [String]] = [
        "collapse": ["d", "n", "x", "y", "y_se", "loss_mean", "loss_se", "seeds", "k_mean"],
        "frontier": ["n", "d", "compute", "loss_mean", "loss_se", "seeds", "on_envelope"],
        "linear-sweeps": SweepSeries.csvHeaders,
        "relu-sweeps": ["solver"] + SweepSeries.csvHeaders,
        "model-rich-loss": ["d", "n", "loss_mean", "loss_se", "seeds", "loss_exact", "loss_asymptotic", "ratio_measured_exact"],
        "observed-coordinates": ["d", "k_mean", "k_se", "seeds", "k_exact", "k_asymptotic", "z"],
        "label-noise": [
            "sweep", "noise_variance", "n", "d", "ridge", "seeds", "excess_mean", "excess_median", "excess_q10", "excess_q90", "excess_max",
            "test_mean", "test_median", "test_q10", "test_q90", "k_mean", "heavy_tailed", "heavy_tail_reasons",
        ],
        "label-noise-summary": [
            "noise_variance", "floor_fit", "floor_fit_exponent", "floor_fit_exponent_se", "excess_exponent", "excess_exponent_se", "peak_n", "peak_median_excess", "peak_q10", "peak_q90",
            "peak_growth_log", "peak_growth_log_se", "exponent_gives_way_at_d", "floor_dominates_from_d", "optimal_ridge", "optimal_ridge_median_test",
            "ridgeless_median_test", "ridgeless_q90_over_median", "tail_removing_ridge",
        ],
        "online": ["n", "step", "seeds", "loss_mean", "loss_se", "loss_median", "loss_q10", "loss_q90", "k_mean", "decoupled_prediction_ours"],
        "online-frontier": ["compute", "n_star", "t_star", "loss_star"],
        "gd-failure": ["d", "estimator", "replicates", "failures", "p", "p_se", "p_low", "p_high", "mean_lambda_max", "mean_k", "replicates_per_minute"],
    ]

    @Test("every column of every experiment's CSV has a meaning; collapse defines x and y")
    func everyColumnExplained() throws {
        for (experiment, header) in Self.headers {
            let csv = header.joined(separator: ",") + "\n1,2\n"
            let text = try DataColumnSidecar.json(csvName: "\(experiment).csv", csv: csv, experiment: experiment, alpha: 0.3, beta: 1.6)
            let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["alpha"] as? Double == 0.3 && object["beta"] as? Double == 1.6)
            let columns = try #require(object["columns"] as? [[String: Any]])
            #expect(columns.map { $0["name"] as? String } == header)
            for column in columns {
                #expect(column["meaning"] is String, "\(experiment): \(column["name"] ?? "?") has no meaning")
            }
        }
        #expect(DataColumnSidecar.meaning(of: "x", in: "collapse")?.hasPrefix("N/D^(1/β)") == true)
        #expect(DataColumnSidecar.meaning(of: "y", in: "collapse")?.hasPrefix("L·D^(α_D)") == true)
        #expect(DataColumnSidecar.fileName(for: "collapse.csv") == "collapse.columns.json")
    }

    @Test("α and β are read from an experiment output")
    func exponentsOfOutput() {
        struct Output: Encodable { let alpha = 0.25, beta = 3.0, other = 1 }
        let (alpha, beta) = DataColumnSidecar.exponents(of: Output())
        #expect(alpha == 0.25 && beta == 3.0)
    }
}

/// Every JSON file of the experiments uses snake_case keys.
@Suite("Snake-case JSON keys")
struct SnakeCaseKeyTests {
    @Test("camelCase keys become snake_case; the paper's alpha_N stays")
    func conversion() {
        #expect(SnakeCaseKeys.convert("exponentInterval") == "exponent_interval")
        #expect(SnakeCaseKeys.convert("logPrefactor") == "log_prefactor")
        #expect(SnakeCaseKeys.convert("fStatistic") == "f_statistic")
        #expect(SnakeCaseKeys.convert("alpha_N") == "alpha_N")
        #expect(SnakeCaseKeys.convert("loss_mean") == "loss_mean")
    }

    @Test("ExperimentWriter.json writes no camelCase key, at any depth")
    func experimentJSON() throws {
        struct Inner: Encodable { let exponentInterval = [1.0, 2.0]; let fStatistic = 3.0 }
        struct Outer: Encodable { let logPrefactor = 0.5; let inner = [Inner()]; let alpha_N = 2.0; let bad = Double.nan }
        let text = try ExperimentWriter.json(Outer())
        #expect(text.contains("\"exponent_interval\"") && text.contains("\"f_statistic\"") && text.contains("\"log_prefactor\""))
        #expect(text.contains("\"alpha_N\"") && text.contains("\"nan\""))
        #expect(!text.contains("exponentInterval") && !text.contains("fStatistic") && !text.contains("logPrefactor"))
    }
}
