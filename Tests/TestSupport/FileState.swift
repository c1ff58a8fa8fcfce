import Foundation

/// Everything a refused or read-only open must leave as it was: the file's bytes and modification time, and the
/// names of the files in its folder (so that no -wal, -shm or -journal side file appears).
public struct FileState: Equatable, CustomStringConvertible {
    /// Size in bytes and FNV-1a 64 hash of the contents.
    public let size: Int, hash: UInt64
    public let modified: Date?
    public let folderListing: [String]

    /// The current state of the file at `path`.
    public init(_ path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        size = bytes.count
        hash = bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
        modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        folderListing = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    public var description: String { "\(size) bytes, hash \(hash), modified \(modified.map { "\($0.timeIntervalSince1970)" } ?? "?"), folder \(folderListing)" }
}

/// Runs a program, returning its exit status (nil if it could not be started) and its standard error.
@discardableResult
public func runTool(_ executable: String, _ arguments: [String]) -> (status: Int32?, stderr: String) {
    guard FileManager.default.isExecutableFile(atPath: executable) else { return (nil, "\(executable) not found") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    do { try process.run() } catch { return (nil, "\(error)") }
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
}

/// Runs `body` with `paths` made immutable by `chattr +i` (which stops even root from writing, and for a folder,
/// from creating files in it); returns nil without running it, printing why, when chattr is unavailable.
public func withImmutable<T>(_ paths: [String], _ body: () throws -> T) rethrows -> T? {
    let (status, message) = runTool("/usr/bin/chattr", ["+i"] + paths)
    guard status == 0 else {
        runTool("/usr/bin/chattr", ["-i"] + paths)
        print("skipped: chattr +i is not available here (\(message.trimmingCharacters(in: .whitespacesAndNewlines)))")
        return nil
    }
    defer { runTool("/usr/bin/chattr", ["-i"] + paths) }
    return try body()
}

/// Runs `body` with `folder` bind-mounted read-only onto itself (a read-only file system); returns nil without
/// running it, printing why, when mounting is not permitted.
public func withReadOnlyMount<T>(_ folder: String, _ body: () throws -> T) rethrows -> T? {
    let (status, message) = runTool("/usr/bin/mount", ["-o", "bind,ro", folder, folder])
    guard status == 0 else {
        print("skipped: cannot bind-mount \(folder) read-only (\(message.trimmingCharacters(in: .whitespacesAndNewlines)))")
        return nil
    }
    defer { runTool("/usr/bin/umount", [folder]) }
    // Some kernels ignore "ro" on the first bind: make sure the mount really is read-only.
    guard !FileManager.default.createFile(atPath: folder + "/probe", contents: Data()) else {
        try? FileManager.default.removeItem(atPath: folder + "/probe")
        print("skipped: the bind mount of \(folder) is writable")
        return nil
    }
    return try body()
}
