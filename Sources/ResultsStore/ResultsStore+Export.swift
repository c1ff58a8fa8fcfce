import Foundation

extension ResultsStore {
    /// All rows as CSV: a header row of snake_case column names, then one line per row in ``allPoints()`` order.
    ///
    /// Doubles are printed in shortest round-trip form (`nan`, `inf` for non-finite), `nil` as an empty field.
    /// The convergence columns (`iterations`, `converged`, `relative_gradient_norm`) follow when any row
    /// comes from an iterative solver that recorded them.
    public func csv() throws -> String {
        let points = try allPoints()
        let convergence = points.contains { $0.result.iterations != nil }
        var lines = [(convergence ? Schema.storedColumns : Schema.columns).joined(separator: ",")]
        for point in points {
            let row = ExportRow(point)
            let fields = try row.csvFields() + (convergence ? row.convergenceFields() : [])
            lines.append(fields.map(CSV.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// All rows as a JSON array of objects keyed by snake_case column names, in ``allPoints()`` order.
    /// The convergence keys appear in the rows of iterative solvers that recorded them.
    ///
    /// Keys are sorted, `nil` is `null`, non-finite doubles are the strings `"nan"`, `"inf"`, `"-inf"`.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ExportRow.timestamp(date))
        }
        let rows = try allPoints().map(ExportRow.init)
        return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
    }
}

/// One exported row, with the same field names as the SQL columns.
struct ExportRow: Encodable {
    let point: StoredPoint

    init(_ point: StoredPoint) { self.point = point }

    /// UTC timestamp with milliseconds, e.g. `2026-11-23T18:20:12.123Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let c = point.configuration
        let r = point.result
        try container.encode(c.key, forKey: Key("configuration_key"))
        try container.encode(point.seed, forKey: Key("seed"))
        try container.encode(c.alpha, forKey: Key("alpha"))
        try container.encode(c.beta, forKey: Key("beta"))
        try container.encode(c.m, forKey: Key("m"))
        try container.encode(c.n, forKey: Key("n"))
        try container.encode(c.d, forKey: Key("d"))
        try container.encode(c.data.rawValue, forKey: Key("data"))
        try container.encode(c.features.rawValue, forKey: Key("features"))
        try container.encode(c.solver.rawValue, forKey: Key("solver"))
        try container.encode(c.ridge, forKey: Key("ridge"))
        try container.encode(c.tail.rawValue, forKey: Key("tail"))
        try container.encode(c.tolerance, forKey: Key("tolerance"))
        try container.encode(c.extra, forKey: Key("extra"))
        try container.encode(r.loss, forKey: Key("loss"))
        try container.encode(r.lossObserved, forKey: Key("loss_observed"))
        try container.encode(r.lossTail, forKey: Key("loss_tail"))
        try container.encode(r.lossStandardError, forKey: Key("loss_standard_error"))
        try container.encode(r.observedCoordinates, forKey: Key("observed_coordinates"))
        try container.encode(r.rank, forKey: Key("rank"))
        try container.encode(r.seconds, forKey: Key("seconds"))
        try container.encode(r.extras, forKey: Key("extras"))
        try container.encode(point.toolVersion, forKey: Key("tool_version"))
        try container.encode(point.createdAt, forKey: Key("created_at"))
        try container.encodeIfPresent(r.iterations, forKey: Key("iterations"))
        try container.encodeIfPresent(r.converged, forKey: Key("converged"))
        try container.encodeIfPresent(r.relativeGradientNorm, forKey: Key("relative_gradient_norm"))
    }

    /// Field texts of ``Schema/convergenceColumns`` (empty for exact solvers).
    func convergenceFields() -> [String] {
        let r = point.result
        return [r.iterations.map { String($0) } ?? "", r.converged.map { $0 ? "true" : "false" } ?? "",
                r.relativeGradientNorm.map(CanonicalText.double) ?? ""]
    }

    /// Field texts in ``Schema/columns`` order.
    func csvFields() throws -> [String] {
        let c = point.configuration
        let r = point.result
        let double = CanonicalText.double
        return [
            c.key, String(point.seed),
            double(c.alpha), double(c.beta), c.m.map { String($0) } ?? "", String(c.n), String(c.d),
            c.data.rawValue, c.features.rawValue, c.solver.rawValue, double(c.ridge), c.tail.rawValue,
            c.tolerance.map(double) ?? "", c.extra,
            double(r.loss), double(r.lossObserved), double(r.lossTail), r.lossStandardError.map(double) ?? "",
            String(r.observedCoordinates), String(r.rank), double(r.seconds),
            try ExtrasJSON.encode(r.extras), point.toolVersion, Self.timestamp(point.createdAt),
        ]
    }
}

/// RFC 4180 quoting.
enum CSV {
    /// The field as is, or in double quotes (with quotes doubled) if it holds a comma, quote or line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
