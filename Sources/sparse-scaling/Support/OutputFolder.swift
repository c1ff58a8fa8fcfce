import Foundation
import ArgumentParser

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
            try probeWrite(in: path, flag: flag)
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
        // Permission bits do not tell the whole story (root, read-only or special file systems): try it.
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            try probeWrite(in: path, flag: flag)
        } catch let error as ValidationError {
            removeCreated(path, below: ancestor.path)
            throw error
        } catch {
            removeCreated(path, below: ancestor.path)
            throw ValidationError("invalid value '\(path)' for \(flag): cannot create a folder there")
        }
        removeCreated(path, below: ancestor.path)
    }

    /// Creates and deletes an empty file in `folder`; throws a usage error when that fails.
    private static func probeWrite(in folder: String, flag: String) throws {
        let probe = URL(fileURLWithPath: folder).appendingPathComponent(".sparse-scaling-probe-\(getpid())").path
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw ValidationError("invalid value '\(folder)' for \(flag): not a writable folder")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }

    /// Removes the empty folders from `path` up to (not including) `ancestor`, undoing the probe.
    private static func removeCreated(_ path: String, below ancestor: String) {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        let stop = URL(fileURLWithPath: ancestor).standardizedFileURL.path
        while url.path != stop, url.path.count > stop.count {
            guard rmdir(url.path) == 0 else { return }
            url = url.deletingLastPathComponent().standardizedFileURL
        }
    }
}
