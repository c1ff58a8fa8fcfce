import Foundation
import GRDB

/// A durable, thread-safe SQLite database of simulated points, one row per (configuration, seed).
///
/// Every write is one transaction in WAL mode, so a process killed at any moment leaves the file consistent.
/// A store opened with ``init(readingAt:)`` never writes.
public final class ResultsStore: Sendable {
    /// Path of the database file.
    public let path: String
    /// The connection(s): a read-write pool, or one read-only connection for a store opened with ``init(readingAt:)``.
    let pool: any DatabaseWriter
    /// The read-only connection, for a store opened with ``init(readingAt:)``.
    let readOnlyConnection: ReadOnlyConnection?

    /// Whether the store was opened read-only.
    public var isReadOnly: Bool { readOnlyConnection != nil }

    /// Opens the database at `path` for reading and writing, creating it (and its folders) if needed, and migrates
    /// it to the current schema. An existing file is checked on a read-only connection first.
    ///
    /// Throws ``StoreError`` if the file is unreadable, unwritable, not a database, corrupt, foreign or from a newer
    /// version; a refused file is left byte for byte as it was, with no side files.
    public init(path: String, createIfMissing: Bool = true) throws {
        self.path = path
        readOnlyConnection = nil
        try StoreFile.prepareFolder(path: path, createIfMissing: createIfMissing)
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.label = "ResultsStore"
        do {
            pool = try OpeningLock.withLock(path: path) {
                var checked = false
                if FileManager.default.fileExists(atPath: path) {
                    let (connection, contents) = try StoreFile.inspect(path: path, forWriting: true)
                    try connection?.queue.close()
                    if case .unchecked = contents {} else { checked = true }
                }
                try StoreFile.checkWritable(path: path)
                let pool = try DatabasePool(path: path, configuration: configuration)
                if !checked { try StoreFile.checkIntegrity(of: pool, path: path) }
                try Schema.migrator.migrate(pool)
                return pool
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Opens an existing store for reading only: nothing is ever written to the file or created beside it, so
    /// this works on read-only file systems and immutable files.
    ///
    /// Throws ``StoreError`` if the file is missing, unreadable, empty, not a database, corrupt, foreign, or
    /// from another schema version.
    public init(readingAt path: String) throws {
        self.path = path
        let (connection, contents) = try StoreFile.inspect(path: path, forWriting: false)
        switch contents {
        case .empty, .unchecked:
            try connection?.queue.close()
            throw StoreError.emptyStore(path: path)
        case let .store(missing) where missing.contains("v1"):
            // The migration bookkeeping exists but not the table (a writer stopped before its first migration).
            try connection?.queue.close()
            throw StoreError.emptyStore(path: path)
        case let .store(missing) where !missing.allSatisfy(Schema.readableWithout.contains):
            try connection?.queue.close()
            throw StoreError.outdatedSchema(path: path, missingMigrations: missing)
        case .store:
            guard let connection else { throw StoreError.emptyStore(path: path) }
            readOnlyConnection = connection
            pool = connection.queue
        }
    }

    /// Inserts one point in its own transaction; returns false (and changes nothing) if (key, seed) is already stored.
    @discardableResult
    public func insert(_ point: StoredPoint) throws -> Bool {
        try insert(contentsOf: [point]) == 1
    }

    /// Inserts points in one transaction, skipping those whose (key, seed) is already stored; returns how many were added.
    @discardableResult
    public func insert(contentsOf points: some Sequence<StoredPoint>) throws -> Int {
        try write { db in
            var added = 0
            let statement = try db.cachedStatement(sql: Self.insertSQL)
            for point in points {
                try statement.execute(arguments: point.databaseArguments())
                added += db.changesCount
            }
            return added
        }
    }

    /// Whether a row for this configuration and seed is stored.
    public func contains(configuration: PointConfiguration, seed: UInt64) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM points WHERE configuration_key = ? AND seed = ?)",
                arguments: [configuration.key, Int64(bitPattern: seed)]) ?? false
        }
    }

    /// The seeds already stored for this configuration (to resume a sweep).
    public func existingSeeds(for configuration: PointConfiguration) throws -> Set<UInt64> {
        try read { db in
            let seeds = try Int64.fetchAll(
                db, sql: "SELECT seed FROM points WHERE configuration_key = ?", arguments: [configuration.key])
            return Set(seeds.map { UInt64(bitPattern: $0) })
        }
    }

    /// All rows for this configuration, by increasing seed.
    public func points(for configuration: PointConfiguration) throws -> [StoredPoint] {
        try read { db in
            try StoredPoint.fetchAll(
                db,
                sql: "SELECT * FROM points WHERE configuration_key = ? ORDER BY \(Self.seedOrder)",
                arguments: [configuration.key])
        }
    }

    /// Every row, ordered by configuration key (bytewise) and then by seed (as unsigned).
    public func allPoints() throws -> [StoredPoint] {
        try read { db in
            try StoredPoint.fetchAll(db, sql: "SELECT * FROM points ORDER BY configuration_key, \(Self.seedOrder)")
        }
    }

    /// Number of stored rows.
    public var count: Int {
        get throws {
            try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM points") ?? 0 }
        }
    }

    // MARK: - Internals

    /// Orders the Int64 bit patterns of seeds as the unsigned values they stand for.
    static let seedOrder = "seed < 0, seed"

    static let insertSQL: String = {
        let columns = Schema.storedColumns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: Schema.storedColumns.count).joined(separator: ", ")
        return "INSERT INTO points (\(columns)) VALUES (\(placeholders)) ON CONFLICT (configuration_key, seed) DO NOTHING"
    }()

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            let value = try pool.read(body)
            try readOnlyConnection?.checkUnchanged()
            return value
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard readOnlyConnection == nil else { throw StoreError.openedReadOnly(path: path) }
        do {
            return try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
