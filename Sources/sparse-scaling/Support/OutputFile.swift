import ArgumentParser
import Foundation

/// Checks on output files before any work starts.
enum OutputFile {
    /// Throws a usage error unless `path` names a file that can be written: its folder exists and
    /// accepts a new file, and the path itself is not a folder. Leaves no file behind.
    static func checkWritable(_ path: String, flag: String) throws {
        let manager = FileManager.default
        guard !path.isEmpty else { throw ValidationError("invalid value '' for \(flag): expected a file path") }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw ValidationError("invalid value '\(path)' for \(flag): is a folder, expected a file")
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("invalid value '\(path)' for \(flag): folder \(folder) does not exist")
        }
        // The file is written atomically (a temporary file in the same folder, then renamed): try that.
        let probe = URL(fileURLWithPath: folder).appendingPathComponent(".sparse-scaling-probe-\(getpid())").path
        guard manager.createFile(atPath: probe, contents: Data()) else {
            throw ValidationError("invalid value '\(path)' for \(flag): cannot write a file in \(folder)")
        }
        try? manager.removeItem(atPath: probe)
    }
}
