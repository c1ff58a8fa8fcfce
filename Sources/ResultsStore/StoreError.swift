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
    /// The file exists and is readable, but cannot be written (read-only file, folder or file system).
    case unwritable(path: String, reason: String)
    /// A store to be read is an empty file (or an SQLite database without tables): no results were ever stored.
    case emptyStore(path: String)
    /// A store to be read was written by an older version and must first be upgraded by opening it for writing.
    case outdatedSchema(path: String, missingMigrations: [String])
    /// A file read without locks (no other connection was using it) changed while it was read.
    case changedWhileReading(path: String)
    /// Two stores hold different results for the same configuration and seed.
    case conflictingRows(key: String, seed: UInt64, firstPath: String, secondPath: String, difference: String)
    /// A write was attempted on a store opened read-only.
    case openedReadOnly(path: String)
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
            path.isEmpty ? "no path given for the results database" : "results database \(path) does not exist"
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
        case let .unwritable(path, reason):
            "cannot write results database \(path): \(reason)"
        case let .emptyStore(path):
            "results database \(path) is empty: no results were ever stored in it"
        case let .outdatedSchema(path, missing):
            "results database \(path) was written by an older version (missing migrations: \(missing.joined(separator: ", "))); open it for writing once to upgrade it"
        case let .changedWhileReading(path):
            "results database \(path) changed while it was read (a writer started); read it again"
        case let .conflictingRows(key, seed, first, second, difference):
            "\(first) and \(second) hold different results for seed \(seed) of configuration \(key) (\(difference))"
        case let .openedReadOnly(path):
            "results database \(path) was opened read-only"
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
