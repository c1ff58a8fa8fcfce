import ArgumentParser
import Foundation
import LinearAlgebra
import SparseScaling

/// The `sparse-scaling` command line: simulate, measure and explain scaling laws under sparse features.
@main
struct SparseScalingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparse-scaling",
        abstract: "Simulate, measure and explain neural scaling laws under sparse features.",
        version: SparseScalingVersion.current,
        subcommands: [TheoryCommand.self, PointCommand.self, SweepCommand.self, ExportCommand.self, MergeCommand.self, ResultsCommand.self, PlotCommand.self, ExperimentCommand.self, ReproduceCommand.self, BenchCommand.self, CalibrateCommand.self, CalibrateCoverageCommand.self]
    )

    /// Runs the chosen subcommand; bad input exits with status 2 and runtime failures with status 1,
    /// each with a one-line message on standard error.
    static func main() {
        AllocatorTuning.keepFreedMemory()
        BLASKernels.replaceGenericFallback()
        do {
            try RepeatedFlags.check(Array(CommandLine.arguments.dropFirst()), root: Self.self)
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version
            let line = fullMessage(for: commandLineError(error)).split(separator: "\n").first.map(String.init) ?? "\(error)"
            let text = "error: " + ErrorWording.reword(line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line)
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }
}
