import ArgumentParser
import Foundation
import SparseScaling

/// The flags shared by the named experiments: exponents, profile and output folder.
struct ExperimentOptions: ParsableArguments {
    @OptionGroup var exponents: ExponentOptions<ExperimentExponents>

    @Option(help: "Sizes: quick (minutes on 2 cores) or paper (the paper's sizes).")
    var profile: ExperimentProfile = .quick

    @Option(help: "Folder for the CSV/JSON data.")
    var out: String = "results/experiments"

    mutating func validate() throws {
        try OutputFolder.checkWritable(out, flag: "--out")
    }

    /// α.
    var alpha: Double { exponents.alpha }
    /// β.
    var beta: Double { exponents.beta }

    /// Writes `output` and prints its summary.
    func finish<Output: ExperimentOutput>(_ output: Output) throws {
        let files = try ExperimentWriter.write(output, to: URL(fileURLWithPath: out))
        print(output.summaryText())
        print("data: " + files.map(\.path).joined(separator: ", "))
    }
}

extension ExperimentProfile: ExpressibleByArgument {}
