import Foundation

/// Writes an experiment's data (its CSV tables and `<name>.json`) into a folder, each file atomically.
package enum ExperimentWriter {
    /// Writes `output`'s files into `folder` and returns their URLs.
    @discardableResult
    package static func write<Output: ExperimentOutput>(_ output: Output, to folder: URL) throws -> [URL] {
        var written: [URL] = []
        for (name, text) in output.csvTables().sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name)
            try AtomicFileWriter.write(text, to: url)
            written.append(url)
        }
        let url = folder.appendingPathComponent("\(Output.name).json")
        try AtomicFileWriter.write(try json(output), to: url)
        written.append(url)
        return written
    }

    /// Pretty-printed JSON of an encodable value (keys sorted).
    package static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
