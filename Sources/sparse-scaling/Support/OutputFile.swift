import ArgumentParser
import Foundation
import SparseScaling

/// Checks and writes of a single output file (`--out FILE`).
enum OutputFile {
    /// Throws a usage error unless `path` names a file that can be created or replaced (not a folder), by
    /// creating and deleting the temporary file `AtomicFileWriter` would write first.
    static func checkWritable(_ path: String, flag: String) throws {
        guard !path.isEmpty else { throw ValidationError("invalid value '' for \(flag): expected a file path") }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw ValidationError("invalid value '\(path)' for \(flag): is a folder; expected a file path")
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              manager.isWritableFile(atPath: folder)
        else {
            throw ValidationError("invalid value '\(path)' for \(flag): its folder does not exist or is not writable")
        }
        // Permission bits do not tell the whole story (root in /proc, a name too long for the file system):
        // create and delete the temporary file the atomic write will use.
        let probe = AtomicFileWriter.temporaryURL(for: URL(fileURLWithPath: path)).path
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw ValidationError("invalid value '\(path)' for \(flag): cannot create a file there")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }

    /// Writes `text` to `path` atomically (a runtime error when that fails).
    static func write(_ text: String, to path: String, flag: String = "--out") throws {
        do { try AtomicFileWriter.write(text, to: URL(fileURLWithPath: path)) } catch {
            throw RuntimeError("cannot write \(flag) \(path): \(error.localizedDescription)")
        }
    }
}
