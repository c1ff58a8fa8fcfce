import Foundation
import GRDB

/// A private copy of a database file and its side files, opened so that SQLite can finish what a killed writer
/// left behind (roll back a hot journal, rebuild a write-ahead log's index) without touching the original.
///
/// A read-only connection may not do that recovery (SQLite answers `SQLITE_READONLY_ROLLBACK` or
/// `SQLITE_READONLY_RECOVERY`); the copy is a consistent snapshot of the committed rows. It is removed when released.
final class RecoveredCopy: Sendable {
    /// The connection to the copy (queries only).
    let queue: DatabaseQueue
    /// The temporary folder that holds the copy.
    private let folder: URL

    /// Copies `path` and its side files into a new temporary folder and opens the copy; throws
    /// ``StoreError/changedWhileReading(path:)`` if the original changed while it was copied.
    init(of path: String, label: String) throws {
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("sparse-scaling-recovery-\(UUID().uuidString)")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            let copyPath = folder.appendingPathComponent("store.sqlite").path
            let before = Self.stamps(path)
            for suffix in ["", "-wal", "-shm", "-journal"] where manager.fileExists(atPath: path + suffix) {
                try manager.copyItem(atPath: path + suffix, toPath: copyPath + suffix)
            }
            guard Self.stamps(path) == before else { throw StoreError.changedWhileReading(path: path) }
            var configuration = Configuration()
            configuration.label = label
            queue = try DatabaseQueue(path: copyPath, configuration: configuration)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
        } catch {
            try? manager.removeItem(at: folder)
            throw error
        }
    }

    deinit {
        try? queue.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The stamps of the database file and each of its side files (nil where a file is absent).
    private static func stamps(_ path: String) -> [FileStamp?] {
        ["", "-wal", "-shm", "-journal"].map { FileStamp(path: path + $0) }
    }
}
