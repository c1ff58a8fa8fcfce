import Foundation
import GRDB

/// Checks a database file before and right after opening, so bad files fail with a readable ``StoreError``.
enum StoreFile {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Creates missing folders, and rejects folders, unreadable files and files that are not SQLite databases.
    static func checkBeforeOpening(path: String, createIfMissing: Bool) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            guard createIfMissing else { throw StoreError.missingFile(path: path) }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreateDirectory(path: path, reason: reason(error))
            }
            return
        }
        if isDirectory.boolValue { throw StoreError.unreadable(path: path, reason: "it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, reason: "permission denied or I/O error")
        }
        defer { try? handle.close() }
        let header: Data
        do {
            header = try handle.read(upToCount: sqliteHeader.count) ?? Data()
        } catch {
            throw StoreError.unreadable(path: path, reason: reason(error))
        }
        // An empty file is a valid empty database; anything else must carry the SQLite header.
        if !header.isEmpty && Array(header) != sqliteHeader {
            throw StoreError.notADatabase(path: path)
        }
        if !header.isEmpty { try checkReadOnly(path: path) }
    }

    /// Runs `PRAGMA quick_check` on a read-only connection, so that a damaged file is refused before
    /// the read-write pool opens it (opening a pool writes to the file to set up WAL mode).
    static func checkReadOnly(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "ResultsStore.check"
        let manager = FileManager.default
        let sidecars = [path + "-wal", path + "-shm"].filter { !manager.fileExists(atPath: $0) }
        // Leave a damaged file as it was found: remove the empty sidecar files this check created.
        func removeSidecars() {
            let walSize = (try? manager.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            if walSize == 0 { for file in sidecars { try? manager.removeItem(atPath: file) } }
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let problems = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            try queue.close()
            if problems != ["ok"] {
                let more = problems.count > 1 ? " and \(problems.count - 1) more problems" : ""
                throw StoreError.corrupt(path: path, details: (problems.first ?? "no answer from quick_check") + more)
            }
        } catch let error as StoreError {
            removeSidecars()
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            removeSidecars()
            throw StoreError(error, path: path)
        } catch {
            // Other failures of the read-only connection (e.g. a WAL that needs recovery) are left to the pool.
        }
    }

    /// Runs `PRAGMA quick_check`, then rejects foreign databases and schemas from newer versions.
    static func checkIntegrity(of pool: DatabasePool, path: String) throws {
        try pool.read { db in
            let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
            if problems != ["ok"] {
                let first = problems.first ?? "no answer from quick_check"
                let more = problems.count > 1 ? " and \(problems.count - 1) more problems" : ""
                throw StoreError.corrupt(path: path, details: first + more)
            }
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if !tables.isEmpty && !tables.contains("grdb_migrations") {
                throw StoreError.foreignDatabase(path: path)
            }
            if tables.contains("grdb_migrations") {
                let migrator = Schema.migrator
                if try migrator.hasBeenSuperseded(db) {
                    let unknown = try migrator.appliedIdentifiers(db)
                        .subtracting(migrator.migrations)
                    throw StoreError.incompatibleSchema(path: path, unknownMigrations: unknown.sorted())
                }
            }
        }
    }

    /// A short reason taken from a Foundation error.
    static func reason(_ error: any Error) -> String {
        StoreError.oneLine((error as NSError).localizedFailureReason ?? error.localizedDescription)
    }
}

extension StoreError {
    /// Maps an SQLite or GRDB error to the closest readable case.
    init(_ error: any Error, path: String) {
        guard let error = error as? DatabaseError else {
            self = .database(path: path, message: Self.oneLine(String(describing: error)))
            return
        }
        let message = Self.oneLine(error.message ?? "SQLite error \(error.resultCode.rawValue)")
        switch error.resultCode {
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_CORRUPT: self = .corrupt(path: path, details: message)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_IOERR, .SQLITE_READONLY:
            self = .unreadable(path: path, reason: message)
        default: self = .database(path: path, message: message)
        }
    }

    /// Joins the lines of a message with spaces.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
