import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a database file before and right after opening, so bad files fail with a readable ``StoreError``
/// and are left exactly as they were.
enum StoreFile {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Creates the missing folders of a new file; throws ``StoreError/missingFile(path:)`` for a missing file
    /// that must not be created. Returns whether the file exists.
    @discardableResult
    static func prepareFolder(path: String, createIfMissing: Bool) throws -> Bool {
        let manager = FileManager.default
        guard !path.isEmpty else { throw StoreError.missingFile(path: path) }
        guard !manager.fileExists(atPath: path) else { return true }
        guard createIfMissing else { throw StoreError.missingFile(path: path) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateDirectory(path: path, reason: reason(error))
        }
        return false
    }

    /// What a read-only look at an existing file found.
    enum Contents {
        /// Zero bytes, or an SQLite database without tables.
        case empty
        /// A results store (checked, and not from a newer version) still missing these migrations.
        case store(missingMigrations: [String])
        /// The read-only connection could not look inside (e.g. a write-ahead log that needs recovery);
        /// only possible when the caller opens the file for writing and checks it after opening.
        case unchecked
    }

    /// Checks an existing file without writing to it or creating side files: rejects folders, unreadable files,
    /// non-SQLite files (by their header, before SQLite reads them), damaged databases (`PRAGMA quick_check`),
    /// other programs' databases and stores from newer versions. Returns the read-only connection it used
    /// (nil for an empty file) and what it found.
    static func inspect(path: String, forWriting: Bool) throws -> (ReadOnlyConnection?, Contents) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.missingFile(path: path)
        }
        if isDirectory.boolValue { throw StoreError.unreadable(path: path, reason: "it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, reason: "permission denied or I/O error")
        }
        let header: Data
        do {
            defer { try? handle.close() }
            header = try handle.read(upToCount: sqliteHeader.count) ?? Data()
        } catch {
            throw StoreError.unreadable(path: path, reason: reason(error))
        }
        if header.isEmpty { return (nil, .empty) }
        if Array(header) != sqliteHeader { throw StoreError.notADatabase(path: path) }
        /// Opens the connection `open` makes and checks what it reads.
        func checked(_ open: () throws -> ReadOnlyConnection) throws -> (ReadOnlyConnection, Contents) {
            let connection = try open()
            let contents = try connection.queue.read { db in try check(db, path: path) }
            try connection.checkUnchanged()
            return (connection, contents)
        }
        do {
            do {
                return try checked { try ReadOnlyConnection(path: path, label: "ResultsStore.check") }
            } catch let error as DatabaseError where !forWriting && ReadOnlyConnection.needsRecovery(error) {
                return try checked { try ReadOnlyConnection(recoveringCopyOf: path, label: "ResultsStore.check") }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError
            where forWriting && error.resultCode != .SQLITE_CORRUPT && error.resultCode != .SQLITE_NOTADB {
            // Left to the read-write connection, which can recover a write-ahead log and checks the file again.
            return (nil, .unchecked)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Throws ``StoreError/unwritable(path:reason:)`` unless the file (if it exists) and its folder can be written.
    static func checkWritable(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
            throw StoreError.unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        if access(folder, W_OK) != 0 {
            throw StoreError.unwritable(path: path, reason: "its folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Runs ``check(_:path:)`` on an open read-write pool.
    static func checkIntegrity(of pool: DatabasePool, path: String) throws {
        _ = try pool.read { db in try check(db, path: path) }
    }

    /// Runs `PRAGMA quick_check`, then rejects foreign databases and schemas from newer versions.
    static func check(_ db: Database, path: String) throws -> Contents {
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
        if problems != ["ok"] {
            let first = problems.first ?? "no answer from quick_check"
            let more = problems.count > 1 ? " and \(problems.count - 1) more problems" : ""
            throw StoreError.corrupt(path: path, details: first + more)
        }
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.isEmpty { return .empty }
        guard tables.contains("grdb_migrations") else { throw StoreError.foreignDatabase(path: path) }
        let migrator = Schema.migrator
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(migrator.migrations)
        if !unknown.isEmpty {
            throw StoreError.incompatibleSchema(path: path, unknownMigrations: unknown.sorted())
        }
        return .store(missingMigrations: migrator.migrations.filter { !applied.contains($0) })
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
