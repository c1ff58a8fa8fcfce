import Foundation

/// Why the results store could not be opened, read or written; `description` is one readable line.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The folder that should hold the database could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The file (or a source for merging) does not exist.
    case missingFile(path: String)
    /// The file exists but cannot be opened or read (a folder, no permission, I/O error).
    case unreadable(path: String, reason: String)
    /// The file is not an SQLite database (wrong header, or random bytes).
    case notADatabase(path: String)
    /// The file is an SQLite database that failed its integrity check (e.g. truncated).
    case corrupt(path: String, details: String)
    /// The file is an SQLite database of some other program (tables, but no results-store schema).
    case foreignDatabase(path: String)
    /// The file was written by a newer version of this store, with migrations this version does not know.
    case incompatibleSchema(path: String, unknownMigrations: [String])
    /// A row could not be decoded into a ``StoredPoint``.
    case invalidRow(String)
    /// A shard specification is not of the form "k/n" with 1 ≤ k ≤ n.
    case invalidShard(String)
    /// Any other SQLite failure.
    case database(path: String, message: String)

    /// One readable line saying what went wrong and where.
    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            "cannot create the folder for results database \(path): \(reason)"
        case let .missingFile(path):
            "results database \(path) does not exist"
        case let .unreadable(path, reason):
            "cannot read results database \(path): \(reason)"
        case let .notADatabase(path):
            "\(path) is not an SQLite database (wrong file, or overwritten)"
        case let .corrupt(path, details):
            "results database \(path) is corrupt (\(details)); restore it from a copy or delete it to start over"
        case let .foreignDatabase(path):
            "\(path) is an SQLite database of another program, not a results database"
        case let .incompatibleSchema(path, unknown):
            "results database \(path) was written by a newer version (unknown migrations: \(unknown.sorted().joined(separator: ", "))); upgrade this tool"
        case let .invalidRow(reason):
            "invalid row in results database: \(reason)"
        case let .invalidShard(reason):
            "invalid shard: \(reason)"
        case let .database(path, message):
            "results database \(path): \(message)"
        }
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
