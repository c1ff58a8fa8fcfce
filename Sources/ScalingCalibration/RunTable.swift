import Foundation

/// The runs of a CSV table, read by `RunColumns`: every used cell a finite number > 0, or a
/// `CalibrationError` naming the column and the run. Columns not named are ignored.
public struct RunTable: Sendable, Codable, Hashable {
    /// The runs in file order.
    public var runs: [ScalingRun]
    /// The columns they were read from.
    public var columns: RunColumns

    /// Runs given directly.
    public init(runs: [ScalingRun], columns: RunColumns) {
        self.runs = runs
        self.columns = columns
    }

    /// Reads the CSV `text`: a header row, then one run per row, each row as wide as the header.
    public init(csv text: String, columns: RunColumns) throws(CalibrationError) {
        let records = try CSVRecords.parse(text)
        guard let header = records.first else { throw .malformedCSV(line: 1, reason: "the file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        func index(_ role: String, _ name: String) throws(CalibrationError) -> Int {
            guard let i = names.firstIndex(of: name) else { throw .missingColumn(role: role, name: name, available: names) }
            let count = names.count { $0 == name }
            guard count == 1 else { throw .duplicateColumn(role: role, name: name, count: count) }
            return i
        }
        let nIndex = try index("n", columns.featureCount)
        let (dataRole, dataName): (String, String)
        switch columns.data {
        case let .tokens(name): (dataRole, dataName) = ("d", name)
        case let .flop(name): (dataRole, dataName) = ("flop", name)
        }
        let dIndex = try index(dataRole, dataName)
        let lossIndex = try index("loss", columns.loss)
        var runs: [ScalingRun] = []
        for (row, record) in records.dropFirst().enumerated() {
            guard record.fields.count == names.count else {
                throw .malformedCSV(line: record.line, reason: "\(record.fields.count) fields where the header has \(names.count)")
            }
            func value(_ role: String, _ i: Int) throws(CalibrationError) -> Double {
                let text = record.fields[i].trimmingCharacters(in: .whitespaces)
                guard let x = Double(text), x.isFinite, text.lowercased() != "nan" else {
                    throw .notANumber(role: role, column: names[i], row: row + 1, text: text)
                }
                guard x > 0 else { throw .nonPositive(role: role, column: names[i], row: row + 1, value: x) }
                return x
            }
            let n = try value("n", nIndex)
            let dataValue = try value(dataRole, dIndex)
            let d: Double
            if case .flop = columns.data { d = dataValue / (6 * n) } else { d = dataValue }
            guard d > 0, d.isFinite else { throw .nonPositive(role: dataRole, column: dataName, row: row + 1, value: d) }
            runs.append(ScalingRun(featureCount: n, sampleCount: d, loss: try value("loss", lossIndex)))
        }
        self.init(runs: runs, columns: columns)
    }

    /// The same table without the `count` runs of highest loss (Epoch AI's refit drops 5).
    public func droppingHighestLosses(_ count: Int) -> RunTable {
        let kept = runs.indices.sorted { runs[$0].loss < runs[$1].loss }.prefix(max(0, runs.count - count)).sorted()
        return RunTable(runs: kept.map { runs[$0] }, columns: columns)
    }
}
