import Foundation

extension ResultsStore {
    /// All rows as CSV for pandas: a header of snake_case column names, then one line per row in ``allPoints()`` order.
    ///
    /// The columns are ``Schema/columns`` except that `m` is `inf` for infinitely many features, the canonical
    /// `extra` text becomes one column per option it names (e.g. `eta`, `max_iterations`), the `extras` JSON
    /// becomes one column per measurement when any row has one (and is left out otherwise), and `tag` comes
    /// before the provenance; the convergence columns (`iterations`, `converged`, `relative_gradient_norm`)
    /// follow the results when any row comes from an iterative solver that recorded them. Doubles are printed in
    /// shortest round-trip form (`nan`, `inf`); `nil` (a default tolerance, an exact loss, an option a row does not have, a row stored before tags) is an empty field.
    public func csv() throws -> String {
        let points = try allPoints()
        let table = CSVExportTable(points: points)
        var lines = [table.header.joined(separator: ",")]
        for point in points {
            lines.append(table.fields(of: point).map(CSV.quoted).joined(separator: ","))
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
        if let m = c.m { try container.encode(m, forKey: Key("m")) } else { try container.encode("inf", forKey: Key("m")) }
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
        try container.encode(point.tag, forKey: Key("tag"))
        try container.encodeIfPresent(r.iterations, forKey: Key("iterations"))
        try container.encodeIfPresent(r.converged, forKey: Key("converged"))
        try container.encodeIfPresent(r.relativeGradientNorm, forKey: Key("relative_gradient_norm"))
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
