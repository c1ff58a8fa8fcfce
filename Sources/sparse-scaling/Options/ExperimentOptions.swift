import ArgumentParser
import Foundation
import SparseScaling

/// The flags shared by the named experiments: exponents, profile, output folder, what to print.
struct ExperimentOptions: ParsableArguments {
    @OptionGroup var exponents: ExponentOptions<ExperimentExponents>

    @Option(help: "Sizes: quick (minutes on 2 cores) or paper (the paper's sizes).")
    var profile: ExperimentProfile = .quick

    @Option(help: "Folder for the CSV/JSON data and the SVG figure (created if missing; each file replaced atomically). Default results/experiments.")
    var out: String = "results/experiments"

    @OptionGroup var printing: ExperimentPrintOptions

    mutating func validate() throws {
        try OutputFolder.checkWritable(out, flag: "--out")
    }

    /// Prints to stderr the finite M the experiments use for β ≤ 1 (unless quiet).
    func noteInputDimension() {
        guard !quiet, let note = DataParameters.experimentDimensionNote(beta: beta) else { return }
        FileHandle.standardError.write(Data(("note: " + note + "\n").utf8))
    }

    /// α.
    var alpha: Double { exponents.alpha }
    /// β.
    var beta: Double { exponents.beta }

    /// Whether progress and notes are off.
    var quiet: Bool { printing.quiet }

    /// Writes `output` (data, JSON and its SVG figure) and prints it in the chosen format.
    func finish<Output: ExperimentOutput>(_ output: Output) throws {
        noteInputDimension()
        let folder = URL(fileURLWithPath: out)
        let files = try ExperimentWriter.write(output, to: folder) + ExperimentFigures.write(output, to: folder)
        try printing.print(output, files: files)
    }
}

extension ExperimentProfile: ExpressibleByArgument {}
