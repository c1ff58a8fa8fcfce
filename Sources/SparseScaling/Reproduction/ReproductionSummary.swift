import Foundation

/// Where a summary came from: the tool's version, the commit (`git rev-parse HEAD`, nil when not in a
/// repository), the command with its flags, and the date.
package struct ReproductionProvenance: Sendable {
    /// The tool's version.
    package var version: String
    /// The source commit, or nil.
    package var commit: String?
    /// The command line, e.g. "sparse-scaling reproduce --profile quick --out out".
    package var command: String
    /// When the run finished.
    package var date: Date

    /// A provenance from its parts.
    package init(version: String, commit: String?, command: String, date: Date = Date()) {
        self.version = version
        self.commit = commit
        self.command = command
        self.date = date
    }
}

/// The machine-readable summary.json of `reproduce`.
package enum ReproductionSummary {
    /// The summary format's version: 2 adds `version`, `commit`, `command`, `date` and the comparison
    /// rows' `id`, `group`, `claim`, `ci_method`, `precision` and per-point z, grouped by claim.
    package static let formatVersion = 2

    /// The summary object as pretty-printed JSON with sorted keys.
    package static func json(_ r: ReproductionResults, provenance: ReproductionProvenance? = nil) throws -> String {
        let theory = try JSONSerialization.jsonObject(with: Data(try r.theory.jsonString().utf8))
        func value(_ x: Double?) -> Any { x.map { $0.isFinite ? $0 as Any : NSNull() } ?? NSNull() }
        let observed: [String: Any] = [
            "rows": r.observedCoordinates.rows.map { ["d": $0.sampleCount, "k_mean": $0.mean, "k_se": $0.standardError, "k_exact": $0.exact, "k_asymptotic": value($0.asymptotic)] },
            "max_abs_z": r.observedCoordinates.maxAbsZScore, "agrees": r.observedCoordinates.agrees,
        ]
        let modelRich: [String: Any] = [
            "rows": r.modelRichLoss.points.enumerated().map { i, p in
                ["d": p.d, "n": p.n, "loss_mean": p.lossMean, "loss_se": p.lossStandardError, "loss_median": value(p.lossQuantiles?.median),
                 "loss_q10": value(p.lossQuantiles?.quantile10), "loss_q90": value(p.lossQuantiles?.quantile90), "heavy_tailed": p.heavyTail.isHeavyTailed, "loss_exact": r.modelRichLoss.exact[i], "loss_asymptotic": value(r.modelRichLoss.asymptotic[i])] as [String: Any]
            },
        ]
        let object: [String: Any] = [
            "profile": r.plan.profile.rawValue,
            "seconds": r.seconds,
            "parameters": ["alpha": r.alpha, "beta": r.beta, "m": r.beta > 1 ? "inf" as Any : (1 << 20) as Any],
            "theory": theory,
            "linear": [
                "alpha_n_joint": value(r.linear.alphaNJoint), "alpha_n_joint_se": value(r.linear.alphaNJointStandardError),
                "alpha_d_sparse": value(r.linear.alphaDSparse), "alpha_d_sparse_se": value(r.linear.alphaDSparseStandardError),
                "ratio": value(r.linear.ratio),
            ],
            "relu": relu(r.relu, value: value),
            "collapse": [
                "peak_x": value(r.collapse.peakX), "peak_located_on": "median", "predicted_peak_x": value(r.collapse.predictedPeakX),
                "predicted_median_peak_x": value(r.collapse.predictedMedianPeakX),
                "curves": r.collapse.curves.map { c in
                    [
                        "d": c.sampleCount, "peak_x": value(c.peakX), "peak_median_y": value(c.peakMedianY),
                        "predicted_peak_x": value(c.predictedPeakX), "predicted_median_y_at_peak": value(c.predictedMedianYAtPeak),
                        "points": c.points.indices.map { i -> [String: Any] in
                            let q = c.points[i].lossQuantiles
                            return [
                                "n": c.points[i].n, "x": c.x[i], "loss_mean": value(c.points[i].lossMean), "loss_se": value(c.points[i].lossStandardError),
                                "loss_median": value(q?.median), "loss_q10": value(q?.quantile10), "loss_q90": value(q?.quantile90),
                                "heavy_tailed": c.heavyTailed[i], "note": c.points[i].heavyTail.note ?? NSNull(),
                            ]
                        },
                    ] as [String: Any]
                },
            ] as [String: Any],
            "frontier": [
                "loss_exponent": value(r.frontier.fit?.exponent), "loss_exponent_se": value(r.frontier.fit?.exponentStandardError),
                "predicted_loss_exponent": r.frontier.predictedLossExponent,
            ],
            "gd_failure": [
                "alpha": r.gdFailure.alpha, "beta": r.gdFailure.beta, "n": r.gdFailure.configuration.featureCount, "eta": r.gdFailure.configuration.eta,
                "rows": zip(r.gdFailure.rows, r.gdFailure.estimators).map { row, estimator in
                    ["d": row.sampleCount, "failures": row.failures, "replicates": row.replicates, "p": row.probability, "p_low": row.lower,
                     "p_high": row.upper, "estimator": estimator.rawValue] as [String: Any]
                },
                "local_exponents": r.gdFailure.localSlopes.map { ["d_low": $0.lowerSampleCount, "d_high": $0.upperSampleCount, "slope": value($0.slope), "se": value($0.standardError)] as [String: Any] },
                "fitted_exponent": value(r.gdFailure.fittedSlope), "fitted_exponent_se": value(r.gdFailure.fit?.exponentStandardError),
                "predicted_exponent": r.gdFailure.predictedExponent,
                "cross_check": r.gdFailure.estimatorPairs.map { p, i in
                    ["d": p.sampleCount, "p_plain": p.probability, "p_plain_low": p.lower, "p_plain_high": p.upper,
                     "p_importance": i.probability, "p_importance_low": i.lower, "p_importance_high": i.upper,
                     "intervals_overlap": GDFailureTable.overlap(p, i)] as [String: Any]
                },
            ] as [String: Any],
            "observed_coordinates": observed,
            "label_noise": r.labelNoise.levels.map { l -> [String: Any] in
                ["noise_variance": l.labelNoiseVariance, "floor": value(l.floorFit?.floor), "floor_fit_exponent": value(l.floorFit?.powerLaw.exponent),
                 "floor_fit_exponent_se": value(l.floorFit?.powerLaw.exponentStandardError), "peak_n": l.peakN, "peak_median_excess": l.peakMedian,
                 "peak_q10": l.peakLower, "peak_q90": l.peakUpper, "exponent_gives_way_at_d": l.exponentGivesWayAt.map { $0 as Any } ?? NSNull(),
                 "optimal_ridge": l.optimalRidge, "optimal_ridge_median_test": l.optimalRidgeMedianTest, "ridgeless_median_test": l.ridgelessMedianTest,
                 "tail_removing_ridge": value(l.tailRemovingRidge)]
            },
            "online": [
                "steps": r.online.configuration.steps, "eta": r.online.configuration.stepSize, "n": r.online.configuration.featureCounts,
                "step_exponent": value(r.online.stepFit?.exponent), "step_exponent_se": value(r.online.stepFit?.exponentStandardError),
                "joint_model_exponent": value(r.online.joint?.modelExponent), "joint_step_exponent": value(r.online.joint?.stepExponent),
                "frontier_loss_exponent": value(r.online.frontierLossFit?.exponent), "frontier_loss_exponent_se": value(r.online.frontierLossFit?.exponentStandardError),
                "frontier_n_exponent": value(r.online.frontierModelFit.map { -$0.exponent }), "frontier_t_exponent": value(r.online.frontierStepsFit.map { -$0.exponent }),
                "predicted_frontier_ours": r.online.predictedFrontier, "direct_solve_frontier_paper": r.online.directSolveFrontier,
                "diverged_runs": r.online.divergedRuns, "largest_run_seconds": r.online.largestRunSeconds,
            ] as [String: Any],
            "model_rich_loss": modelRich,
            "loss_curve": r.lossCurve.curves.map { c in
                ["alpha": c.setting.alpha, "beta": c.setting.beta, "d": c.setting.sampleCount,
                 "median_error_under": value(c.under.median), "max_error_under": value(c.under.maximum),
                 "median_error_over": value(c.over.median), "max_error_over": value(c.over.maximum),
                 "peak_n": value(c.peak.map { Double($0.n) }), "peak_median_measured": value(c.peak?.measuredMedian),
                 "peak_median_predicted": value(c.peak?.predicted.median)] as [String: Any]
            },
            "comparison": comparison(r.comparisonRows),
            "format_version": formatVersion,
            "version": provenance.map { $0.version as Any } ?? NSNull(),
            "commit": provenance?.commit.map { $0 as Any } ?? NSNull(),
            "command": provenance.map { $0.command as Any } ?? NSNull(),
            "date": provenance.map { ISO8601DateFormatter().string(from: $0.date) as Any } ?? NSNull(),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The verdict rows grouped by claim ("paper", "ours", "future work"), each as `ComparisonRow.jsonObject`.
    static func comparison(_ rows: [ComparisonRow]) -> [String: Any] {
        var groups: [String: Any] = [:]
        for group in ClaimGroup.allCases {
            groups[group.rawValue] = rows.filter { $0.group == group }.map(\.jsonObject)
        }
        return groups
    }

    /// The ReLU block: the pseudoinverse set's numbers under the linear block's keys, and every solver's set.
    static func relu(_ result: ReLUSweepsResult, value: (Double?) -> Any) -> [String: Any] {
        func block(_ set: ReLUSweepSet) -> [String: Any] {
            let d = set.alphaD
            let ratio: Double? = set.joint.flatMap { j in d.map { j.sharedExponent / $0.exponent } }
            return [
                "alpha_n_joint": value(set.joint?.sharedExponent), "alpha_n_joint_se": value(set.joint?.sharedExponentStandardError),
                "alpha_n_sparse": value(set.alphaN?.exponent), "alpha_n_sparse_se": value(set.alphaN?.exponentStandardError),
                "alpha_d_sparse": value(d?.exponent), "alpha_d_sparse_se": value(d?.exponentStandardError), "ratio": value(ratio),
            ]
        }
        var object = result.sets.first { $0.solver == .direct }.map(block) ?? [:]
        object["by_solver"] = Dictionary(uniqueKeysWithValues: result.sets.map { ($0.solver == .direct ? "pseudoinverse" : $0.solver.rawValue, block($0)) })
        return object
    }
}
