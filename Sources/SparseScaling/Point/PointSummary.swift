import Foundation

/// The record of one measured point: every setting its route consumed and every result, in one ordered
/// list that the text, JSON and CSV outputs (and an export's summary.json) all write.
package struct PointSummary: Sendable {
    /// The point's plan.
    package let plan: PointPlan
    /// Its outcome.
    package let outcome: PointOutcome
    /// The version of the tool that measured it.
    package let toolVersion: String

    /// A summary of `outcome` for `plan`.
    package init(plan: PointPlan, outcome: PointOutcome, toolVersion: String = SparseScalingVersion.current) {
        self.plan = plan
        self.outcome = outcome
        self.toolVersion = toolVersion
    }

    /// The point's specification.
    package var specification: PointSpecification { plan.specification }

    /// The results, after the settings: losses, sizes, time, convergence and the estimator used.
    package var results: [PointSetting] {
        let s = specification
        var list: [PointSetting] = [
            .init("loss", .number(outcome.loss)), .init("loss_observed", .number(outcome.lossObserved)),
            .init("loss_tail", .number(outcome.lossTail)),
            .init("loss_standard_error", outcome.lossStandardError.map { .number($0) } ?? .null),
            .init("test_loss", .number(outcome.testLoss)),
            .init("observed_coordinates", .integer(outcome.observedCoordinates)), .init("rank", .integer(outcome.rank)),
        ]
        if let c = outcome.convergence {
            list += [
                .init("iterations", .integer(c.iterations)), .init("converged", .text(c.converged ? "true" : "false")),
                .init("relative_gradient_norm", .number(c.relativeGradientNorm)),
                .init("eta_used", c.stepSize.map { .number($0) } ?? .null),
            ]
        }
        // One-pass SGD: a diverged run is an error, so a summarized one did not diverge.
        if s.solver == .online { list.append(.init("diverged", .text("false"))) }
        if let used = outcome.estimator { list.append(.init("estimator_used", .text(used.rawValue))) }
        // M = ∞ only, and only where the index cap loses more than a negligible mass (β near 1).
        if s.data == .sparse, let cap = IndexCapLoss(parameters: s.parameters, sampleCount: s.sampleCount), !cap.isNegligible {
            list.append(.init("index_cap_entries_beyond", .number(cap.entriesBeyond)))
            list.append(.init("index_cap_variance_fraction", .number(cap.varianceFraction)))
        }
        list += prediction
        list += [.init("seconds", .number(outcome.seconds)), .init("version", .text(toolVersion))]
        return list
    }

    /// The theory's predicted loss at this (N, D) beside the measurement (docs/theory.md §6: mean, ∞ and so
    /// null in the peak band; median; 10/90% quantiles; region), for the points that prediction describes:
    /// sparse data, linear features, the exact readout or the conditional mean, no ridge, no label noise.
    package var prediction: [PointSetting] {
        let s = specification
        guard s.data == .sparse, s.features == .linear, s.ridge == 0, s.labelNoise == 0,
              [.reducedInMemory, .reducedStreamed, .direct, .conditional].contains(plan.route),
              let p = try? s.parameters.predictedLossCurve(featureCounts: [s.featureCount], sampleCount: s.sampleCount).first
        else { return [] }
        let value = { (x: Double?) -> PointSetting.Value in x.map { .number($0) } ?? .null }
        return [
            .init("predicted_mean", value(p.mean)), .init("predicted_median", value(p.median)),
            .init("predicted_q10", value(p.quantile10)), .init("predicted_q90", value(p.quantile90)),
            .init("predicted_region", .text(p.region.rawValue)),
        ]
    }

    /// The settings, then the results.
    package var fields: [PointSetting] { plan.settings + results }

    /// The header and one row of a point's CSV output (the JSON keys as columns; empty = null).
    package func csv() -> String {
        let fields = self.fields
        var table = CSVTable(headers: fields.map(\.name))
        table.append(fields.map(\.value.csv))
        return table.render()
    }

    /// The summary as pretty-printed JSON with sorted keys (null: not set or not applicable; m "inf" for M = ∞;
    /// "converged" and "diverged" as booleans).
    package func json() throws -> String {
        var object: [String: Any] = [:]
        for field in fields {
            if field.name == "converged" || field.name == "diverged" {
                object[field.name] = field.value == .text("true")
            } else {
                object[field.name] = field.value.json
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// The version of SparseScaling recorded with every result.
package enum SparseScalingVersion {
    /// The current version string.
    package static let current = "0.1.0"
}
