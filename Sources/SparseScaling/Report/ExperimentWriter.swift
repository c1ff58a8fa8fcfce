import Foundation

/// Writes an experiment's data (its CSV tables, each with a `.columns.json` sidecar, and `<name>.json`) into a
/// folder, each file atomically.
package enum ExperimentWriter {
    /// Writes `output`'s files into `folder` and returns their URLs.
    @discardableResult
    package static func write<Output: ExperimentOutput>(_ output: Output, to folder: URL) throws -> [URL] {
        var written: [URL] = []
        let (alpha, beta) = DataColumnSidecar.exponents(of: output)
        for (name, text) in output.csvTables().sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name)
            try AtomicFileWriter.write(text, to: url)
            written.append(url)
            let sidecar = folder.appendingPathComponent(DataColumnSidecar.fileName(for: name))
            try AtomicFileWriter.write(
                try DataColumnSidecar.json(csvName: name, csv: text, experiment: Output.name, alpha: alpha, beta: beta), to: sidecar)
            written.append(sidecar)
        }
        let url = folder.appendingPathComponent("\(Output.name).json")
        try AtomicFileWriter.write(try experimentJSON(output), to: url)
        written.append(url)
        return written
    }

    /// The JSON of `<name>.json`: the experiment's encoded fields and, when it judges any, its verdict rows
    /// under `verdicts` (`ComparisonRow.jsonObject`, as in summary.json).
    package static func experimentJSON<Output: ExperimentOutput>(_ output: Output) throws -> String {
        let rows = output.verdictRows
        guard !rows.isEmpty else { return try json(output) }
        guard var object = try JSONSerialization.jsonObject(with: Data(try json(output).utf8)) as? [String: Any] else {
            throw CocoaError(.coderInvalidValue)
        }
        object["verdicts"] = rows.map(\.jsonObject)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Pretty-printed JSON of an encodable value (keys snake_case and sorted; non-finite numbers as strings).
    package static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
        let data = try JSONSerialization.data(
            withJSONObject: SnakeCaseKeys.convertKeys(object), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
