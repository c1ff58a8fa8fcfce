/// The columns of the CSV export of a set of rows: the fixed columns, one column per option named in any row's
/// canonical `extra`, and one per measurement in any row's `extras`.
struct CSVExportTable {
    /// Option names found in the rows' `extra` texts, sorted, with the column name each one gets.
    let optionColumns: [(name: String, column: String)]
    /// Measurement names found in the rows' `extras`, sorted, with the column name each one gets.
    let measurementColumns: [(name: String, column: String)]
    /// Whether any row records an iterative solver's convergence (then ``Schema/convergenceColumns`` follow the results).
    let hasConvergence: Bool

    /// Columns that never depend on the rows, before the options.
    static let leading = [
        "configuration_key", "seed", "alpha", "beta", "m", "n", "d", "data", "features", "solver", "ridge", "tail",
        "tolerance", "sampler", "estimator", "noise",
    ]
    /// Fixed columns after the options.
    static let results = ["loss", "loss_observed", "loss_tail", "loss_standard_error", "observed_coordinates", "rank"]
    /// Fixed columns at the end.
    static let trailing = ["seconds", "tag", "tool_version", "created_at"]

    /// The table for `points`.
    init(points: [StoredPoint]) {
        let hasConvergence = points.contains { $0.result.iterations != nil }
        self.hasConvergence = hasConvergence
        let fixed = Set(Self.leading + Self.results + Self.trailing + (hasConvergence ? Schema.convergenceColumns : []))
        func columns(_ names: Set<String>, prefix: String) -> [(name: String, column: String)] {
            names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { ($0, fixed.contains($0) ? prefix + $0 : $0) }
        }
        let options = Set(points.flatMap { Self.options(in: $0.configuration.extra).map(\.name) })
            .subtracting(PointConfiguration.namedOptionKeys)
        optionColumns = columns(options, prefix: "extra_")
        let taken = fixed.union(optionColumns.map(\.column))
        let measurements = Set(points.flatMap { $0.result.extras.keys })
        measurementColumns = measurements.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { ($0, taken.contains($0) ? "extras_" + $0 : $0) }
    }

    /// The header row.
    var header: [String] {
        Self.leading + optionColumns.map(\.column) + Self.results + (hasConvergence ? Schema.convergenceColumns : [])
            + measurementColumns.map(\.column) + Self.trailing
    }

    /// The fields of one row, in ``header`` order.
    func fields(of point: StoredPoint) -> [String] {
        let c = point.configuration
        let r = point.result
        let double = CanonicalText.double
        let options = Dictionary(Self.options(in: c.extra), uniquingKeysWith: { first, _ in first })
        var fields = [
            c.key, String(point.seed), double(c.alpha), double(c.beta), c.m.map { String($0) } ?? "inf",
            String(c.n), String(c.d), c.data.rawValue, c.features.rawValue, c.solver.rawValue, double(c.ridge),
            c.tail.rawValue, c.tolerance.map(double) ?? "",
        ]
        let named = c.namedOptions
        fields += [named.sampler, named.estimator, double(named.labelNoise)]
        fields += optionColumns.map { options[$0.name] ?? "" }
        fields += [
            double(r.loss), double(r.lossObserved), double(r.lossTail), r.lossStandardError.map(double) ?? "",
            String(r.observedCoordinates), String(r.rank),
        ]
        if hasConvergence {
            fields += [r.iterations.map { String($0) } ?? "", r.converged.map { $0 ? "true" : "false" } ?? "",
                       r.relativeGradientNorm.map(double) ?? ""]
        }
        fields += measurementColumns.map { r.extras[$0.name].map(double) ?? "" }
        fields += [double(r.seconds), point.tag ?? "", point.toolVersion, ExportRow.timestamp(point.createdAt)]
        return fields
    }

    /// The `name=value` pairs of a canonical `extra` text (names unescaped, values as written).
    static func options(in extra: String) -> [(name: String, value: String)] {
        guard !extra.isEmpty else { return [] }
        return extra.split(separator: ",").compactMap { pair -> (name: String, value: String)? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return (unescaped(String(parts[0])), String(parts[1]))
        }
    }

    /// Undoes ``CanonicalText/escaped(_:)``.
    static func unescaped(_ text: String) -> String {
        CanonicalText.escapes.reduce(text) { result, escape in
            escape.key == "%" ? result : result.replacingOccurrences(of: escape.value, with: String(escape.key))
        }.replacingOccurrences(of: "%25", with: "%")
    }
}
