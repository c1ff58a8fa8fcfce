import Foundation
import GRDB
import ScalingVocabulary

extension StoredPoint: FetchableRecord, TableRecord {
    /// The SQL table that holds stored points.
    public static var databaseTableName: String { Schema.pointsTable }

    /// Decodes a row of the `points` table; throws ``StoreError/invalidRow(_:)`` on unknown enum values or bad JSON.
    public init(row: Row) throws {
        func text<T: RawRepresentable<String>>(_ column: String, as type: T.Type) throws -> T {
            let raw: String = try row.decode(forColumn: column)
            guard let value = T(rawValue: raw) else {
                throw StoreError.invalidRow("column \(column) has unknown value \"\(raw)\"")
            }
            return value
        }
        let configuration = PointConfiguration(
            alpha: try row.decode(forColumn: "alpha"),
            beta: try row.decode(forColumn: "beta"),
            m: try row.decode(Int?.self, forColumn: "m"),
            n: try row.decode(forColumn: "n"),
            d: try row.decode(forColumn: "d"),
            data: try text("data", as: DataKind.self),
            features: try text("features", as: FeatureMap.self),
            solver: try text("solver", as: SolverKind.self),
            ridge: try row.decode(forColumn: "ridge"),
            tail: try text("tail", as: TailEstimator.self),
            tolerance: try row.decode(Double?.self, forColumn: "tolerance"),
            extra: try row.decode(forColumn: "extra")
        )
        let extrasJSON: String = try row.decode(forColumn: "extras")
        let extras: [String: Double]
        do {
            extras = try ExtrasJSON.decode(extrasJSON)
        } catch {
            throw StoreError.invalidRow("column extras is not a JSON object of numbers: \(extrasJSON)")
        }
        var result = PointResult(
            loss: try row.decode(Double?.self, forColumn: "loss") ?? .nan,
            lossObserved: try row.decode(Double?.self, forColumn: "loss_observed") ?? .nan,
            lossTail: try row.decode(Double?.self, forColumn: "loss_tail") ?? .nan,
            lossStandardError: try row.decode(Double?.self, forColumn: "loss_standard_error"),
            observedCoordinates: try row.decode(forColumn: "observed_coordinates"),
            rank: try row.decode(forColumn: "rank"),
            seconds: try row.decode(forColumn: "seconds"),
            extras: extras
        )
        // Convergence columns: absent in a store opened read-only before its migration, NULL for exact solvers.
        if row.hasColumn("iterations") {
            result.iterations = try row.decode(Int?.self, forColumn: "iterations")
            result.converged = try row.decode(Bool?.self, forColumn: "converged")
            result.relativeGradientNorm = try row.decode(Double?.self, forColumn: "relative_gradient_norm")
        }
        let seed: Int64 = try row.decode(forColumn: "seed")
        self.init(
            configuration: configuration,
            seed: UInt64(bitPattern: seed),
            result: result,
            toolVersion: try row.decode(forColumn: "tool_version"),
            createdAt: try row.decode(forColumn: "created_at"),
            tag: row.hasColumn("tag") ? try row.decode(String?.self, forColumn: "tag") : nil
        )
    }

    /// Values for ``Schema/storedColumns``, in that order.
    func databaseArguments() throws -> StatementArguments {
        let c = configuration
        let r = result
        func lossValue(_ value: Double) -> Double? { value.isNaN ? nil : value }
        let values: [(any DatabaseValueConvertible)?] = [
            c.key, Int64(bitPattern: seed),
            c.alpha, c.beta, c.m, c.n, c.d, c.data.rawValue, c.features.rawValue, c.solver.rawValue, c.ridge,
            c.tail.rawValue, c.tolerance, c.extra,
            lossValue(r.loss), lossValue(r.lossObserved), lossValue(r.lossTail), r.lossStandardError.flatMap(lossValue),
            r.observedCoordinates, r.rank, r.seconds,
            try ExtrasJSON.encode(r.extras), toolVersion, createdAt, tag,
            r.iterations, r.converged, r.relativeGradientNorm.flatMap(lossValue),
        ]
        return StatementArguments(values)
    }
}

/// JSON text for ``PointResult/extras``: sorted keys, exact doubles, non-finite values as strings.
enum ExtrasJSON {
    static func encode(_ extras: [String: Double]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(extras), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String: Double] {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode([String: Double].self, from: Data(text.utf8))
    }
}
