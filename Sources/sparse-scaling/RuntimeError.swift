import Foundation
import ArgumentParser

/// A failure while running a command (exit status 1), with a one-line message.
struct RuntimeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Checks on output folders before any work starts.
enum OutputFolder {
    /// Throws a usage error unless `path` is, or can be created as, a writable folder.
    static func checkWritable(_ path: String, flag: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, manager.isWritableFile(atPath: path) else {
                throw ValidationError("invalid value '\(path)' for \(flag): not a writable folder")
            }
            return
        }
        // The nearest existing ancestor must be a writable folder.
        var ancestor = URL(fileURLWithPath: path).deletingLastPathComponent()
        while !manager.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isDirectory.boolValue, manager.isWritableFile(atPath: ancestor.path) else {
            throw ValidationError("invalid value '\(path)' for \(flag): cannot create a folder there")
        }
    }
}
