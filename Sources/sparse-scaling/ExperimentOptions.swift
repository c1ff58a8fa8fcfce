import ArgumentParser
import Foundation
import SparseScaling

/// The flags shared by the named experiments: exponents, profile and output folder.
struct ExperimentOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Amplitude exponent α (finite, α + β > 0).")
    var alpha: Double = 0

    @Option(parsing: .unconditional, help: "Activation exponent β ≥ 0.")
    var beta: Double = 2

    @Option(help: "Sizes: quick (minutes on 2 cores) or paper (the paper's sizes).")
    var profile: ExperimentProfile = .quick

    @Option(help: "Folder for the CSV/JSON data.")
    var out: String = "results/experiments"

    mutating func validate() throws {
        do { _ = try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(1)) } catch let error as ParameterError {
            throw error.usageError
        }
        try OutputFolder.checkWritable(out, flag: "--out")
    }

    /// Writes `output` and prints its summary.
    func finish<Output: ExperimentOutput>(_ output: Output) throws {
        let files = try ExperimentWriter.write(output, to: URL(fileURLWithPath: out))
        print(output.summaryText())
        print("data: " + files.map(\.path).joined(separator: ", "))
    }
}

extension ExperimentProfile: ExpressibleByArgument {}
