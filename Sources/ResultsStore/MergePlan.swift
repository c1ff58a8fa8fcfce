import GRDB

/// Which row a merge keeps when two stores hold different results for the same configuration and seed.
package enum MergePreference: String, Sendable, CaseIterable {
    /// The row met first: the destination's own row, else the one from the earliest source.
    case first
    /// The row met last: the one from the latest source, replacing the destination's.
    case last
}

/// How many rows a merge added, replaced, found identical, and resolved by its preference.
public struct MergeSummary: Equatable, Sendable {
    /// Rows new to the destination.
    public var added = 0
    /// Destination rows overwritten by a differing source row (preference ``MergePreference/last``).
    public var replaced = 0
    /// Rows skipped because an equal row (same results) was already there or in an earlier source.
    public var identical = 0
    /// Pairs of differing rows resolved by the preference.
    public var conflicts = 0

    /// An empty summary.
    public init() {}
}

/// The rows of several store files, read-only, one per (configuration, seed): equal rows once, differing rows
/// resolved by a preference or refused.
package struct MergePlan: Sendable {
    /// One stored row as its raw column values (``Schema/storedColumns`` order), and the file it came from.
    struct Row: Sendable {
        let values: [DatabaseValue]
        let path: String
        var key: String { String.fromDatabaseValue(values[0]) ?? "" }
        var seed: Int64 { Int64.fromDatabaseValue(values[1]) ?? 0 }
    }

    /// The rows to merge, in the order of the sources and, within one, by key and seed.
    let rows: [Row]
    /// How differing rows are resolved (nil: refused).
    public let preference: MergePreference?
    /// Rows skipped because an earlier source held an equal one.
    public let identical: Int
    /// Differing pairs among the sources resolved by the preference.
    public let conflicts: Int

    /// Number of distinct (configuration, seed) rows in the sources.
    public var count: Int { rows.count }

    /// Reads every source read-only (each must be an existing, valid results store) and resolves rows that more
    /// than one holds; throws ``StoreError/conflictingRows(key:seed:firstPath:secondPath:difference:)`` for
    /// differing rows when `preference` is nil.
    public init(sources: [String], preference: MergePreference? = nil) throws {
        self.preference = preference
        var rows: [Row] = []
        var index: [String: [Int64: Int]] = [:]
        var identical = 0
        var conflicts = 0
        for source in sources {
            let store = try ResultsStore(readingAt: source)
            let sourceRows = try store.read { db in
                let rows = try GRDB.Row.fetchAll(
                    db, sql: "SELECT \(try Schema.storedColumnSelection(db)) FROM points ORDER BY configuration_key, \(ResultsStore.seedOrder)")
                // Decoding checks every row, so a store with unreadable rows is refused before anything is written.
                for row in rows { _ = try StoredPoint(row: row) }
                return rows.map { Row(values: Array($0.databaseValues), path: source) }
            }
            for row in sourceRows {
                guard let earlier = index[row.key]?[row.seed] else {
                    index[row.key, default: [:]][row.seed] = rows.count
                    rows.append(row)
                    continue
                }
                guard let difference = Self.difference(rows[earlier], row) else {
                    identical += 1
                    continue
                }
                switch preference {
                case nil:
                    throw StoreError.conflictingRows(
                        key: row.key, seed: UInt64(bitPattern: row.seed), firstPath: rows[earlier].path,
                        secondPath: row.path, difference: difference)
                case .first?: conflicts += 1
                case .last?:
                    conflicts += 1
                    rows[earlier] = row
                }
            }
        }
        self.rows = rows
        self.identical = identical
        self.conflicts = conflicts
    }

    /// Columns that say when, how fast and by which version a row was made, not what it measured.
    static let provenanceColumns: Set<String> = ["seconds", "tool_version", "created_at", "tag"]

    /// The first result column in which two rows for the same key and seed differ, with both values
    /// (e.g. "loss 0.5 vs 0.75"); nil if their results are equal.
    static func difference(_ a: Row, _ b: Row) -> String? {
        for (column, (x, y)) in zip(Schema.storedColumns, zip(a.values, b.values))
        where !provenanceColumns.contains(column) && x != y {
            // A row from before the convergence columns existed does not disagree with one that has them.
            if Schema.convergenceColumns.contains(column), x.isNull || y.isNull { continue }
            return "\(column) \(text(x)) vs \(text(y))"
        }
        return nil
    }

    /// A database value as plain text (SQL NULL as "null").
    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "null"
        case let .int64(v): "\(v)"
        case let .double(v): "\(v)"
        case let .string(v): v
        case let .blob(v): "\(v.count) bytes"
        }
    }
}
