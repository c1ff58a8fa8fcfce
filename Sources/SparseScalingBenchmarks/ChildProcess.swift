import Foundation
import SparseScaling

/// Runs another program and captures its standard output.
package enum ChildProcess {
    /// The path of the running executable (to re-run this binary on one job).
    package static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }

    /// Runs `executable` with `arguments`; returns its standard output and exit status.
    /// Standard error is passed through to ours.
    package static func run(_ executable: String, _ arguments: [String]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    /// Runs `job` in a child copy of this binary, started with `arguments(encoded job)` (the command
    /// line that runs one job and prints its measurement as the last line), and returns its measurement.
    package static func measure(_ job: BenchmarkJob, arguments: (String) -> [String]) -> BenchmarkMeasurement {
        do {
            let (output, status) = try run(currentExecutable, arguments(try job.encoded()))
            guard status == 0, let line = output.split(separator: "\n").last else {
                return .failure("child process exited with status \(status)")
            }
            return try JSONDecoder().decode(BenchmarkMeasurement.self, from: Data(line.utf8))
        } catch {
            return .failure("child process failed: \(error)")
        }
    }
}
