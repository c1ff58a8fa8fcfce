import Foundation
import Testing
import ScalingAnalysis
@testable import SparseScaling

/// The `.columns.json` sidecars of the data CSVs: α, β, and a meaning for every column of every experiment.
@Suite("Data column sidecars")
struct DataColumnSidecarTests {
    /// The CSV headers the experiments write, by experiment name: the result types' own header lists, so a column
    /// added to a table without a meaning fails here.
    static let headers: [String: [String]] = [
        "collapse": CollapseResult.csvHeaders,
        "frontier": FrontierResult.csvHeaders,
        "linear-sweeps": SweepSeries.csvHeaders,
        "relu-sweeps": ["solver"] + SweepSeries.csvHeaders,
        "model-rich-loss": ModelRichLossResult.csvHeaders,
        "observed-coordinates": ObservedCoordinatesResult.csvHeaders,
        "label-noise": LabelNoiseResult.csvHeaders,
        "label-noise-summary": LabelNoiseResult.summaryCSVHeaders,
        "label-noise-law": LabelNoiseResult.lawCSVHeaders,
        "online": OnlineResult.csvHeaders,
        "online-frontier": OnlineResult.frontierCSVHeaders,
        "gd-failure": ["alpha", "beta", "n", "threshold"] + GDFailureTable.csvHeaders,
        "loss-curve": LossCurveResult.csvHeaders,
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

    @Test("the loss curve's derived columns follow their documented formulas: relative_error and z use the controlled mean and SE")
    func lossCurveFormulas() throws {
        let relative = try #require(DataColumnSidecar.meaning(of: "relative_error", in: "loss-curve"))
        let z = try #require(DataColumnSidecar.meaning(of: "z", in: "loss-curve"))
        #expect(relative.hasPrefix("|predicted_mean/m − 1|") && relative.contains("m = controlled_mean"))
        #expect(z.contains("m = controlled_mean and s = controlled_se"))
        for name in ["controlled_mean", "controlled_se", "alpha", "beta"] {
            #expect(DataColumnSidecar.meaning(of: name, in: "loss-curve") != nil, "\(name) has no meaning")
        }
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let spec = PointSpecification(parameters: parameters, featureCount: 64, sampleCount: 4096)
        let measured = MeasuredPoint(specification: spec, losses: [1.0, 1.2, 0.9, 1.1, 1.05, 0.95], meanObservedCoordinates: 0, meanSeconds: 0)
        let predicted = PredictedLossPoint(featureCount: 64, sampleCount: 4096, mean: 0.9, median: 0.85, quantile10: 0.7, quantile90: 1.1,
                                           method: .deterministicEquivalent, region: .underparameterized)
        // With a control-variate mean: the documented m and s are controlled_mean and controlled_se.
        let control = try ControlVariateMean(samples: measured.losses, controls: [[0.52, 0.69, 0.41, 0.6, 0.53, 0.47]], controlMeans: [0.62])
        let controlled = LossCurveResult.Point(measured: measured, predicted: predicted, controlled: control)
        let m = try #require(controlled.controlledMean), se = try #require(controlled.controlledStandardError)
        #expect(abs(m - measured.lossMean) > 1e-3, "the control moved the mean")
        #expect(abs(try #require(controlled.relativeError) - abs(0.9 / m - 1)) < 1e-15)
        #expect(abs(try #require(controlled.z) - (0.9 - m) / se) < 1e-12)
        // Without one: measured_mean and measured_se; the error is positive even when the prediction is above.
        let plain = LossCurveResult.Point(measured: measured, predicted: PredictedLossPoint(
            featureCount: 64, sampleCount: 4096, mean: 1.5, median: nil, quantile10: nil, quantile90: nil, method: .deterministicEquivalent, region: .underparameterized))
        #expect(abs(try #require(plain.relativeError) - abs(1.5 / measured.lossMean - 1)) < 1e-15)
        let measuredSE = try #require(measured.lossStandardError)
        let plainZ = try #require(plain.z)
        #expect(abs(plainZ - (1.5 - measured.lossMean) / measuredSE) < 1e-12)
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
    @Test("camelCase keys become snake_case: a run of capitals is one word, alpha_N becomes alpha_n")
    func conversion() {
        #expect(SnakeCaseKeys.convert("exponentInterval") == "exponent_interval")
        #expect(SnakeCaseKeys.convert("logPrefactor") == "log_prefactor")
        #expect(SnakeCaseKeys.convert("fStatistic") == "f_statistic")
        #expect(SnakeCaseKeys.convert("separateAIC") == "separate_aic")
        #expect(SnakeCaseKeys.convert("jointAIC") == "joint_aic")
        #expect(SnakeCaseKeys.convert("AICValue") == "aic_value")
        #expect(SnakeCaseKeys.convert("alpha_N") == "alpha_n")
        #expect(SnakeCaseKeys.convert("predictedAlphaN") == "predicted_alpha_n")
        #expect(SnakeCaseKeys.convert("loss_mean") == "loss_mean")
        #expect(SnakeCaseKeys.convert("q10") == "q10")
    }

    @Test("ExperimentWriter.json writes no camelCase key, at any depth")
    func experimentJSON() throws {
        struct Inner: Encodable { let exponentInterval = [1.0, 2.0]; let fStatistic = 3.0 }
        struct Outer: Encodable { let logPrefactor = 0.5; let inner = [Inner()]; let alpha_N = 2.0; let bad = Double.nan }
        let text = try ExperimentWriter.json(Outer())
        #expect(text.contains("\"exponent_interval\"") && text.contains("\"f_statistic\"") && text.contains("\"log_prefactor\""))
        #expect(text.contains("\"alpha_n\"") && !text.contains("alpha_N") && text.contains("\"nan\""))
        #expect(!text.contains("exponentInterval") && !text.contains("fStatistic") && !text.contains("logPrefactor"))
    }
}
