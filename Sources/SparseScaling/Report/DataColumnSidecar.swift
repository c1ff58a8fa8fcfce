import Foundation

/// The sidecar `<stem>.columns.json` beside each data CSV of an experiment: the experiment, α and β, and the
/// meaning of every column (x and y of the collapse included), so a CSV read on its own is not ambiguous.
package enum DataColumnSidecar {
    /// The sidecar's file name for a CSV file name (`collapse.csv` → `collapse.columns.json`).
    package static func fileName(for csv: String) -> String {
        (csv.hasSuffix(".csv") ? String(csv.dropLast(4)) : csv) + ".columns.json"
    }

    /// The sidecar JSON of the CSV `csvName` with text `csv`, written by experiment `experiment` at (α, β).
    package static func json(csvName: String, csv: String, experiment: String, alpha: Double?, beta: Double?) throws -> String {
        let header = csv.split(separator: "\n", maxSplits: 1).first.map { $0.split(separator: ",").map(String.init) } ?? []
        let columns: [[String: Any]] = header.map { name in
            ["name": name, "meaning": meaning(of: name, in: experiment) as Any? ?? NSNull()]
        }
        let object: [String: Any] = [
            "file": csvName, "experiment": experiment,
            "alpha": alpha as Any? ?? NSNull(), "beta": beta as Any? ?? NSNull(),
            "columns": columns,
            "notes": "one row per measured point; *_mean and *_se are the mean over seeds and its standard error; empty cells are missing values",
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// What column `name` of experiment `experiment`'s CSV holds (nil for a column this table does not know).
    package static func meaning(of name: String, in experiment: String) -> String? {
        if experiment == "collapse" {
            switch name {
            case "x": return "N/D^(1/β): model size over the scale of the observed coordinates, E[K(D)] ≈ Γ(1−1/β)·D^(1/β)"
            case "y": return "L·D^(α_D) with α_D = (α+β)/β: the mean loss rescaled so curves of different D collapse"
            case "y_se": return "standard error of y (loss_se·D^(α_D))"
            case "y_median": return "L·D^(α_D) of the median loss over seeds"
            case "y_q10": return "L·D^(α_D) of the 10% quantile of the loss over seeds"
            case "y_q90": return "L·D^(α_D) of the 90% quantile of the loss over seeds"
            default: break
            }
        }
        if experiment == "loss-curve", let meaning = lossCurveMeanings[name] { return meaning }
        if experiment == "online", name == "compute" { return "compute C = N·t of one-pass SGD (N features, t steps)" }
        return meanings[name] ?? labelNoiseAndOnlineMeanings[name]
    }

    /// Meanings of the loss-curve columns whose formula is its own: the verdicts judge the control-variate mean.
    static let lossCurveMeanings: [String: String] = [
        "controlled_mean": "mean loss over seeds corrected by control variates with exact expectations (each seed's unobserved mass T and, below the peak, its weighted teacher energy): the expectation of measured_mean with less spread; empty when some seed's control is unknown",
        "controlled_se": "standard error of controlled_mean",
        "relative_error": "|predicted_mean/m − 1|, always ≥ 0, with m = controlled_mean (measured_mean where controlled_mean is empty); empty where the mean is not judged (heavy_tailed = 1)",
        "z": "(predicted_mean − m)/s with m = controlled_mean and s = controlled_se (measured_mean and measured_se where those are empty); empty where the mean is not judged (heavy_tailed = 1)",
        "heavy_tailed": "1 if the mean is not judged: N in the predicted peak band (E[L] = ∞), one seed dominates the sum, or the mean is above the 90% quantile; else 0",
    ]

    /// Meanings of the columns shared by the experiments' CSVs.
    static let meanings: [String: String] = [
        "n": "model size N (random features)",
        "d": "data size D (training samples)",
        "seeds": "number of seeds averaged (data, embedding and teacher redrawn per seed)",
        "loss_mean": "mean test loss over seeds (exact population loss for linear features, Monte-Carlo for ReLU)",
        "loss_se": "standard error of loss_mean over seeds",
        "k_mean": "mean number of observed coordinates K (latent features active in at least one sample)",
        "k_se": "standard error of k_mean",
        "k_exact": "E[K(D)] = Σ_i [1 − (1 − p_i)^D], exact sum",
        "k_asymptotic": "Γ(1 − 1/β)·D^(1/β), the large-D asymptote (β > 1; empty otherwise)",
        "z": "(k_mean − k_exact)/k_se",
        "loss_exact": "model-rich loss Σ_i λ_i (1 − p_i)^D, exact sum",
        "loss_asymptotic": "(1/β)·Γ((α+β)/β)·D^(−(α+β)/β), the large-D asymptote",
        "ratio_measured_exact": "loss_mean/loss_exact",
        "compute": "compute proxy C = N·D·min(N, D) of the direct solve",
        "lower_envelope": "1 if the point is on the lower envelope (lower mean loss than every point of smaller compute; peak-band points never are), else 0",
        "on_envelope": "1 if the envelope fit L ∝ C^(−a) uses the point (the lower envelope's upper two thirds by compute, at least 3 points), else 0: refitting these rows gives the reported exponent",
        "threshold": "λ_max threshold τ = 2/η: gradient descent with step η diverges when λ_max(F Fᵀ/D) > τ",
        "series": "which sweep the row belongs to (e.g. sparse N-sweep)",
        "variable": "the swept variable (n or d)",
        "solver": "the solver that fitted the readout",
        "estimator": "plain Monte Carlo or importance sampling",
        "replicates": "independent (data, embedding) replicates",
        "failures": "replicates on which gradient descent diverges",
        "p": "estimated probability that gradient descent diverges",
        "p_se": "standard error of p",
        "p_low": "lower end of the 95% interval of p (Wilson for plain Monte Carlo)",
        "p_high": "upper end of the 95% interval of p",
        "mean_lambda_max": "mean largest eigenvalue of the empirical feature covariance",
        "mean_k": "mean number of observed coordinates K",
        "replicates_per_minute": "throughput of the estimator",
        "observed_coordinates_mean": "mean number of observed coordinates K",
        "alpha": "amplitude exponent α",
        "beta": "activation exponent β",
        "loss_median": "median test loss over seeds (meaningful where the mean is not, e.g. in the peak band)",
        "loss_q10": "10% quantile of the test loss over seeds",
        "loss_q90": "90% quantile of the test loss over seeds",
        "heavy_tailed": "1 if the mean is not meaningful (N in the double-descent peak band, where E[L] = ∞, one seed dominates the sum, or the mean is above the 90% quantile), else 0",
        "predicted_loss_mean": "predicted mean loss (docs/theory.md §6.3, deterministic equivalent); empty in the peak band, where it is infinite",
        "predicted_loss_median": "predicted median loss (exact §6.1 law mixed over the rank; overparameterized side only)",
        "predicted_region": "where N lies: under (N < E[K]), peak band (mean infinite), over",
        "region": "where N lies: under (N < E[K]), peak band (mean infinite), over",
        "method": "how the prediction was computed (exact law, deterministic equivalent, …)",
        "measured_mean": "mean measured loss over seeds",
        "measured_se": "standard error of measured_mean",
        "measured_median": "median measured loss over seeds",
        "measured_q10": "10% quantile of the measured loss",
        "measured_q90": "90% quantile of the measured loss",
        "predicted_mean": "predicted mean loss; empty where infinite (peak band)",
        "predicted_median": "predicted median loss; empty where not predicted",
        "predicted_q10": "predicted 10% quantile of the loss; empty where not predicted",
        "predicted_q90": "predicted 90% quantile of the loss; empty where not predicted",
        "mean": "predicted mean loss",
        "mean_finite": "1 if the predicted mean is finite, else 0",
        "median": "predicted median loss",
        "q10": "predicted 10% quantile of the loss",
        "q90": "predicted 90% quantile of the loss",
    ]

    /// α and β of an experiment output, read from its JSON encoding (nil when it has none).
    package static func exponents<Output: Encodable>(of output: Output) -> (alpha: Double?, beta: Double?) {
        guard let data = try? JSONEncoder().encode(output),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return (nil, nil) }
        return (object["alpha"] as? Double, object["beta"] as? Double)
    }
}
