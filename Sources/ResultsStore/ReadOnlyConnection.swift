import Foundation
import GRDB

/// A connection that reads a database file without ever writing to it or creating files beside it.
///
/// When no side file (`-wal`, `-shm`, `-journal`) exists, no connection is using the file and the whole database
/// is in the file itself: it is opened with SQLite's `immutable` flag, which works on read-only file systems and
/// immutable files and creates nothing. Otherwise it is opened in plain read-only mode, which reads the
/// write-ahead log through the side files that are already there. A file whose writer was killed mid-write is
/// read through a ``RecoveredCopy``, leaving the original for its next writer to recover.
struct ReadOnlyConnection {
    /// The open connection (read-only).
    let queue: DatabaseQueue
    /// The private recovered copy that `queue` reads, when the file itself needed a writer's recovery.
    let copy: RecoveredCopy?
    /// Whether the connection ignores locks and side files, trusting that the file does not change.
    let immutable: Bool
    /// The file's identity, size and modification time when it was opened.
    let stamp: FileStamp?
    /// Path of the database file.
    let path: String

    /// Opens `path` read-only; throws what SQLite or GRDB throws.
    init(path: String, label: String) throws {
        self.path = path
        let manager = FileManager.default
        let sideFiles = ["-wal", "-shm", "-journal"].filter { manager.fileExists(atPath: path + $0) }
        immutable = sideFiles.isEmpty && Self.uriFilenamesEnabled
        stamp = FileStamp(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = label
        configuration.busyMode = .timeout(60)
        queue = try DatabaseQueue(path: immutable ? Self.uri(path, immutable: true) : path, configuration: configuration)
        copy = nil
    }

    /// Reads a recovered private copy of `path` (see ``RecoveredCopy``).
    init(recoveringCopyOf path: String, label: String) throws {
        self.path = path
        let copy = try RecoveredCopy(of: path, label: label)
        (self.copy, queue, immutable, stamp) = (copy, copy.queue, false, nil)
    }

    /// Whether `error` is SQLite refusing a read-only connection the recovery a killed writer left to do
    /// (a hot rollback journal or a write-ahead log index to rebuild).
    static func needsRecovery(_ error: DatabaseError) -> Bool {
        [.SQLITE_READONLY_ROLLBACK, .SQLITE_READONLY_RECOVERY, .SQLITE_READONLY_CANTINIT]
            .contains(error.extendedResultCode)
    }

    /// Throws ``StoreError/changedWhileReading(path:)`` if an immutable connection's file changed since it was opened
    /// (a writer started meanwhile, so what was read may mix two versions).
    func checkUnchanged() throws {
        guard immutable, FileStamp(path: path) != stamp else { return }
        throw StoreError.changedWhileReading(path: path)
    }

    /// An SQLite URI for `path` (absolute, percent-encoded) opened read-only, and immutable if asked.
    static func uri(_ path: String, immutable: Bool) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:" + encoded + "?mode=ro" + (immutable ? "&immutable=1" : "")
    }

    /// Whether the SQLite library reads `file:` URIs as URIs (compiled with SQLITE_USE_URI, as Debian's is).
    static let uriFilenamesEnabled: Bool = {
        let options = try? DatabaseQueue().read { db in try String.fetchAll(db, sql: "PRAGMA compile_options") }
        return options?.contains("USE_URI=1") == true || options?.contains("USE_URI") == true
    }()
}

/// A file's identity (device and inode), size and modification time, to notice that it changed.
struct FileStamp: Equatable {
    let device: UInt64
    let inode: UInt64
    let size: UInt64
    let modified: Date

    /// The file's current stamp, or nil if it cannot be read.
    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
              let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
              let size = (attributes[.size] as? NSNumber)?.uint64Value,
              let modified = attributes[.modificationDate] as? Date
        else { return nil }
        (self.device, self.inode, self.size, self.modified) = (device, inode, size, modified)
    }
}
