import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (flock) on the database's folder, held while a connection opens and migrates
/// the file, so that processes creating the same new store at the same moment do not race on the schema.
enum OpeningLock {
    /// Runs `body` while holding the lock; runs it unlocked if the folder cannot be opened for locking.
    static func withLock<T>(path: String, _ body: () throws -> T) rethrows -> T {
        // Not the database file itself: closing any descriptor of that file would drop SQLite's own
        // POSIX locks in this process. flock on the folder is independent of them.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        var status: Int32
        repeat { status = flock(descriptor, LOCK_EX) } while status != 0 && errno == EINTR
        defer { if status == 0 { flock(descriptor, LOCK_UN) } }
        return try body()
    }
}
