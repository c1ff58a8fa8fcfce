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
