import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling export`: write one realized training instance as NumPy arrays.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a realized training instance (X_S, W_S, w_S, λ_S, S, y, v) as .npy files plus summary.json.",
        discussion: "In Python: F = W_S @ X_S; y = np.load('y.npy') (= w_S @ X_S plus σε with --noise σ); v = y @ np.linalg.pinv(F) reproduces v.npy, and sum(lambda_S * (W_S.T @ v - w_S)**2) reproduces loss_observed."
    )

    @OptionGroup var options: PointOptions
    @OptionGroup var memory: MemoryOptions

    @Option(help: "Folder to write into (created if missing).")
    var out: String

    @Option(parsing: .unconditional, help: "Refuse when X_S would exceed this many megabytes.")
    var maxExportMb: Double = 512

    mutating func validate() throws {
        guard maxExportMb > 0, maxExportMb.isFinite else {
            throw ValidationError("invalid value '\(maxExportMb)' for --max-export-mb: expected a number > 0")
        }
        try OutputFolder.checkWritable(out, flag: "--out")
        let size = try options.singleSizes()
        let spec = try options.specification(featureCount: size.n, sampleCount: size.d)
        guard spec.features == .linear, spec.solver == .reduced || spec.solver == .direct else {
            throw ValidationError("invalid value '\(spec.solver.rawValue)' for --solver: export writes exact linear-feature solves (reduced or direct, --features linear)")
        }
    }

    func run() throws {
        let size = try options.singleSizes()
        let spec = try options.specification(featureCount: size.n, sampleCount: size.d)
        try memory.check(MemoryEstimate(point: spec), job: "export (N = \(size.n), D = \(size.d))")
        let (outcome, instance) = try LinearPointEvaluator.evaluateKeepingInstance(spec, perSampleNoise: true)
        let megabytes = Double(InstanceExporter.observedSamplesBytes(instance)) / 1_048_576
        guard megabytes <= maxExportMb else {
            throw RuntimeError(
                "X_S would take \(String(format: "%.1f", megabytes)) MB (K = \(instance.observedCount), D = \(spec.sampleCount)), over --max-export-mb \(maxExportMb)")
        }
        try InstanceExporter.write(instance: instance, outcome: outcome, to: URL(fileURLWithPath: out))
        print("wrote \(out)/{X_S,W_S,w_S,lambda_S,observed,y,v}.npy and summary.json (K = \(instance.observedCount), loss = \(outcome.loss))")
    }
}
