import Foundation

/// Runs the `sparse-scaling` executable that SwiftPM builds next to the test bundle.
enum CLI {
    /// What one run of the command line produced.
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        /// True when the process ended by a signal (e.g. the test's SIGKILL).
        let signaled: Bool
    }

    /// The executable: $SPARSE_SCALING_BINARY, else `sparse-scaling` beside the test bundle or in .build/debug.
    static let binary: URL = {
        let manager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["SPARSE_SCALING_BINARY"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        var candidates = [bundle.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        // Fallback: <package>/.build/debug, found from this file's path.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let file = folder.appendingPathComponent("sparse-scaling")
            if manager.isExecutableFile(atPath: file.path) { return file }
        }
        fatalError("sparse-scaling executable not found near \(bundle.path); set SPARSE_SCALING_BINARY")
    }()

    /// Starts the command in `folder` (not waiting).
    static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    /// Runs the command in `folder` to the end; when `killAfter` is set, sends SIGKILL after that many seconds.
    static func run(_ arguments: [String], in folder: URL, killAfter: Double? = nil, environment: [String: String] = [:]) throws -> Output {
        let (process, out, err) = try start(arguments, in: folder, environment: environment)
        // The kill timer and the standard-output reader run on threads of their own, not on Dispatch's
        // global queue: on Linux its few worker threads can all be blocked reading other children's pipes
        // (suites run in parallel), and a timer queued behind them fires only after the child has finished.
        if let killAfter {
            let pid = process.processIdentifier
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: killAfter)
                if process.isRunning { kill(pid, SIGKILL) }
            }
        }
        // Read both pipes to the end before waiting, so a full pipe never blocks the child.
        let outDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outData = Data(), errData = Data()
        Thread.detachNewThread {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            outDone.signal()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        outDone.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal)
    }

    /// The rows of a results store as CSV lines without the columns that legitimately vary between
    /// runs (seconds, tool_version, created_at), sorted; duplicates are kept so that tests can see them.
    static func storedRows(_ store: String, in folder: URL) throws -> [String] {
        let output = try run(["results", "--store", store, "--format", "csv"], in: folder)
        guard output.status == 0 else { throw TestFailure("results failed: \(output.stderr)") }
        let lines = output.stdout.split(separator: "\n").map(String.init)
        guard let header = lines.first.map(csvFields) else { return [] }
        let dropped = Set(["seconds", "tool_version", "created_at", "tag"])
        let keep = header.indices.filter { !dropped.contains(header[$0]) }
        return try lines.dropFirst().map { line in
            let fields = csvFields(line)
            guard fields.count == header.count else { throw TestFailure("malformed CSV row: \(line)") }
            return keep.map { fields[$0] }.joined(separator: ",")
        }.sorted()
    }

    /// The fields of one CSV line: commas inside quotes do not split; quote characters are dropped
    /// (enough to compare rows of two stores).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var characters = line.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}

/// A failure inside a test helper.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with a fresh temporary folder, removed afterwards.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sparse-scaling-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The names of the files in `folder`, sorted.
func contents(of folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}
