import Foundation

/// Runs the built `sparse-scaling` under `/usr/bin/time` and reads its peak resident memory, the number
/// the memory estimate must bound. (`/usr/bin/time` forks its child from its own small process; a child
/// spawned straight from the test process would inherit the test's high-water mark at exec.)
enum PeakMemory {
    /// The measuring program.
    static let time = "/usr/bin/time"

    /// Whether peaks can be measured on this machine.
    static var available: Bool { FileManager.default.isExecutableFile(atPath: time) }

    /// Exit status, peak RSS in bytes and stderr of one run.
    struct Run {
        let status: Int32
        let peakBytes: Double
        let stderr: String
    }

    /// Runs `arguments` in `folder` and returns its status and peak RSS (`%M`, KiB).
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let report = folder.appendingPathComponent(".peak-\(UUID().uuidString)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: time)
        process.arguments = ["-f", "%M", "-o", report, CLI.binary.path] + arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: report) }
        let text = try String(contentsOfFile: report, encoding: .utf8)
        // The last line holds %M (a line before it says "Command exited with non-zero status" when it failed).
        guard let kib = text.split(separator: "\n").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw TestFailure("cannot read the peak from \(time): \(text)")
        }
        return Run(status: process.terminationStatus, peakBytes: kib * 1024, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The estimate in bytes from a refusal such as "… needs an estimated 121.4 MiB of memory, over --max-memory …".
    static func estimate(inRefusal message: String) -> Double? {
        guard let range = message.range(of: "needs an estimated ") else { return nil }
        let words = message[range.upperBound...].split(separator: " ")
        guard words.count >= 2, let value = Double(words[0]) else { return nil }
        let units: [Substring: Double] = ["B": 1, "KiB": 1024, "MiB": 1_048_576, "GiB": 1_073_741_824, "TiB": 1_099_511_627_776]
        return units[words[1]].map { value * $0 }
    }
}
