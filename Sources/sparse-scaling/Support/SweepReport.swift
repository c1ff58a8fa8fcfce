import Foundation
import ResultsStore
import ScalingTheory
import SparseScaling

/// What `sweep` prints: the measured points and fit, the theory's exponent with its verdict, where the rows
/// came from, and (in JSON) the whole configuration.
struct SweepReport {
    let result: SweepResult
    let base: PointSpecification
    let plan: SweepPlan
    let counts: StoreCounts
    let store: String
    let shard: String
    let tag: String
    let fitTail: Int

    /// The theory's exponent for this sweep, when it sweeps one variable.
    var prediction: SweepPrediction? {
        result.variable.map { SweepPrediction(parameters: base.parameters, data: base.data, variable: $0) }
    }

    /// The text table, the fit, the theory line and the store line.
    func text() -> String {
        var lines = [result.text()]
        if let prediction {
            if let fit = result.fit {
                lines.append(prediction.verdict(fit))
            } else {
                lines.append("theory \(prediction.name) = \(String(format: "%.4g", prediction.exponent)) (no fit to compare)")
            }
        }
        lines.append("rows: \(counts.stored) from the store, \(counts.computed) computed; store \(store)")
        return lines.joined(separator: "\n")
    }

    /// The pretty JSON document: `configuration`, `points`, `fit`, `theory`, `local_exponents`, `rows`.
    func json() throws -> String {
        var object = result.jsonObject()
        object["configuration"] = configuration()
        if let prediction {
            var theory: [String: Any] = ["exponent": prediction.exponent, "name": prediction.name]
            theory["inside_ci95"] = result.fit.map { prediction.isInside($0) as Any } ?? NSNull()
            theory["verdict"] = result.fit.map { prediction.verdict(of: $0).rawValue as Any } ?? NSNull()
            object["theory"] = theory
        } else {
            object["theory"] = NSNull()
        }
        object["rows"] = ["from_store": counts.stored, "computed": counts.computed]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Every setting of the sweep with snake_case keys (m "inf" = infinitely many).
    func configuration() -> [String: Any] {
        var object = ConfigurationEcho.object(base)
        object["n"] = plan.featureCounts.isEmpty ? NSNull() : plan.featureCounts as Any
        object["d"] = plan.sampleCounts
        object["n_per_d"] = plan.featuresPerSample.map { $0 as Any } ?? NSNull()
        object["seeds"] = plan.seeds.map { NSNumber(value: $0) }
        object["fit_tail"] = fitTail
        object["store"] = store
        object["shard"] = shard
        object["tag"] = tag
        return object
    }
}

/// A sweep's base point as a JSON object: the settings its plan records (`PointPlan.settings`, the names
/// `point` writes), without the sizes, the seed and the route, which vary over the sweep.
enum ConfigurationEcho {
    static func object(_ spec: PointSpecification) -> [String: Any] {
        var object: [String: Any] = ["version": SparseScalingVersion.current]
        guard let plan = try? PointPlan(spec) else { return object }
        for setting in plan.settings where !["n", "d", "seed", "route"].contains(setting.name) {
            object[setting.name] = setting.value.json
        }
        return object
    }
}
