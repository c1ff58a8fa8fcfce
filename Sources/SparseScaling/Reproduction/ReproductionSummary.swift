import Foundation

/// The machine-readable summary.json of `reproduce`.
public enum ReproductionSummary {
    /// The summary object as pretty-printed JSON with sorted keys.
    public static func json(_ r: ReproductionResults) throws -> String {
        let theory = try JSONSerialization.jsonObject(with: Data(try r.theory.jsonString().utf8))
        func value(_ x: Double?) -> Any { x.map { $0.isFinite ? $0 as Any : NSNull() } ?? NSNull() }
        let observed: [String: Any] = [
            "rows": r.observedCoordinates.rows.map { ["d": $0.sampleCount, "k_mean": $0.mean, "k_se": $0.standardError, "k_exact": $0.exact, "k_asymptotic": value($0.asymptotic)] },
            "max_abs_z": r.observedCoordinates.maxAbsZScore, "agrees": r.observedCoordinates.agrees,
        ]
        let modelRich: [String: Any] = [
            "rows": r.modelRichLoss.points.enumerated().map { i, p in
                ["d": p.d, "n": p.n, "loss_mean": p.lossMean, "loss_se": p.lossStandardError, "loss_exact": r.modelRichLoss.exact[i], "loss_asymptotic": value(r.modelRichLoss.asymptotic[i])] as [String: Any]
            },
        ]
        let object: [String: Any] = [
            "profile": r.plan.profile.rawValue,
            "seconds": r.seconds,
            "parameters": ["alpha": r.alpha, "beta": r.beta, "m": NSNull()],
            "theory": theory,
            "linear": [
                "alpha_N_joint": value(r.linear.alphaNJoint), "alpha_N_joint_se": value(r.linear.alphaNJointStandardError),
                "alpha_D_sparse": value(r.linear.alphaDSparse), "alpha_D_sparse_se": value(r.linear.alphaDSparseStandardError),
                "ratio": value(r.linear.ratio),
            ],
            "relu": NSNull(),
            "collapse": ["peak_x": value(r.collapse.peakX), "predicted_peak_x": value(r.collapse.predictedPeakX)],
            "frontier": [
                "loss_exponent": value(r.frontier.fit?.exponent), "loss_exponent_se": value(r.frontier.fit?.exponentStandardError),
                "predicted_loss_exponent": r.frontier.predictedLossExponent,
            ],
            "gd_failure": NSNull(),
            "observed_coordinates": observed,
            "model_rich_loss": modelRich,
            "comparison": r.comparisonRows.map { ["quantity": $0.quantity, "predicted": value($0.predicted), "measured": value($0.measured), "se": value($0.standardError), "verdict": $0.verdict.rawValue] as [String: Any] },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
