import Foundation
import GRDB

/// A durable, thread-safe SQLite database of simulated points, one row per (configuration, seed).
///
/// Every write is one transaction in WAL mode, so a process killed at any moment leaves the file consistent.
public final class ResultsStore: Sendable {
    /// Path of the database file.
    public let path: String
    let pool: DatabasePool

    /// Opens the database at `path`, creating it (and its folders) if needed, and migrates it to the current schema.
    ///
    /// Throws ``StoreError`` if the file is unreadable, not a database, corrupt, foreign or from a newer version.
    public init(path: String, createIfMissing: Bool = true) throws {
        self.path = path
        try StoreFile.checkBeforeOpening(path: path, createIfMissing: createIfMissing)
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.label = "ResultsStore"
        do {
            pool = try OpeningLock.withLock(path: path) {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try StoreFile.checkIntegrity(of: pool, path: path)
                try Schema.migrator.migrate(pool)
                return pool
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
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
        let columns = Schema.columns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: Schema.columns.count).joined(separator: ", ")
        return "INSERT INTO points (\(columns)) VALUES (\(placeholders)) ON CONFLICT (configuration_key, seed) DO NOTHING"
    }()

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
