import ArgumentParser
import Foundation
import SparseScaling

/// `sparse-scaling export`: write one realized training instance as NumPy arrays.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a realized training instance as NumPy files: X_S, W_S, w_S, lambda_S, observed, y, v (.npy) and summary.json.",
        usage: "sparse-scaling export --n <n> --d <d> --out <out> [<options>]",
        discussion: "observed.npy holds S, the observed latent coordinates, as 1-based indices i (λ_i = i^-(1+α+β)); row k of X_S, W_S's column k, w_S[k] and lambda_S[k] belong to coordinate observed[k]. y.npy holds the training labels (= w_S @ X_S plus σε with --noise σ). In Python: F = W_S @ X_S; y = np.load('y.npy'); v = y @ np.linalg.pinv(F) reproduces v.npy, and sum(lambda_S * (W_S.T @ v - w_S)**2) reproduces loss_observed. With --sparse, X_S.npz holds X_S for scipy.sparse.load_npz (CSR)."
    )

    @OptionGroup var options: PointOptions
    @Option(parsing: .unconditional, help: "Seed of data, embedding and teacher, an integer in 0…2^64−1. Default 0.",
            transform: NumberArgument.seed(expected: "an integer in 0…2^64−1"))
    var seed: UInt64 = 0
    @OptionGroup var memory: MemoryOptions

    @Option(help: "Folder to write into (created if missing).")
    var out: String

    @Flag(help: "Also write X_S.npz: X_S as a SciPy CSR matrix (scipy.sparse.load_npz), much smaller than X_S.npy for sparse data.")
    var sparse: Bool = false

    @Flag(help: "Write into a folder that already holds files: an earlier export's files are replaced, and those this export does not write (X_S.npz without --sparse) are removed; files of other names stay.")
    var force = false

    @Option(parsing: .unconditional, help: "Refuse when X_S would exceed this many megabytes, a number > 0. Default 512.",
            transform: NumberArgument.real(expected: "a number > 0"))
    var maxExportMb: Double = 512

    mutating func validate() throws {
        guard maxExportMb > 0, maxExportMb.isFinite else {
            throw ValidationError("invalid value '\(maxExportMb)' for --max-export-mb: expected a number > 0")
        }
        guard options.estimator == .sample else {
            throw ValidationError("invalid value '\(options.estimator.rawValue)' for --estimator: export writes one drawn instance; only sample applies")
        }
        let size = try options.singleSizes()
        if options.effectiveSolver.isIterative {
            throw ValidationError("invalid value '\(options.effectiveSolver.rawValue)' for --solver: expected reduced or direct (export writes the exact solution)")
        }
        // The exported readout and loss are those of the linear model (v = y F⁺ with F = W_S X_S).
        guard options.features == .linear else {
            throw ValidationError("invalid value '\(options.features.rawValue)' for --features: export writes the linear model's instance (F = W_S X_S); use --features linear")
        }
        let spec = try options.specification(featureCount: size.n, sampleCount: size.d, seed: seed)
        guard spec.solver == .reduced || spec.solver == .direct else {
            throw ValidationError("invalid value '\(spec.solver.rawValue)' for --solver: expected reduced or direct (export writes the exact solution)")
        }
        try OutputFolder.checkWritable(out, flag: "--out")
        if !force, let existing = try? FileManager.default.contentsOfDirectory(atPath: out), !existing.isEmpty {
            throw ValidationError("invalid value '\(out)' for --out: the folder is not empty (\(existing.count) entries); pass --force to overwrite")
        }
        if options.sampler != .perSample {
            throw ValidationError("invalid value '\(options.sampler.rawValue)' for --sampler: export writes the samples X_S, which only the per-sample sampler draws")
        }
    }

    func run() throws {
        let size = try options.singleSizes()
        let spec = try options.specification(featureCount: size.n, sampleCount: size.d, seed: seed)
        // Before any work: refuse when even a K six standard deviations below E[K(D)] would exceed --max-export-mb.
        let expectedK = spec.parameters.expectedObservedCoordinates(sampleCount: Double(spec.sampleCount))
        let fewestK = max(0, expectedK - 6 * expectedK.squareRoot())
        let fewestMegabytes = 8 * fewestK * Double(spec.sampleCount) / 1_048_576
        guard fewestMegabytes <= maxExportMb else {
            throw RuntimeError(
                "X_S would take at least \(String(format: "%.1f", fewestMegabytes)) MB (K ≈ \(Int(expectedK.rounded())), D = \(spec.sampleCount)), over --max-export-mb \(maxExportMb)")
        }
        // The same plan as `point`, held in memory (export writes the arrays): the same loss for the same flags.
        let plan = try PointPlan(spec, streamingBytes: .infinity)
        try memory.check(MemoryEstimate(export: plan), job: "export (N = \(size.n), D = \(size.d))")
        let (outcome, instance) = try LinearPointEvaluator.evaluateKeepingInstance(plan)
        let megabytes = Double(InstanceExporter.observedSamplesBytes(instance)) / 1_048_576
        guard megabytes <= maxExportMb else {
            throw RuntimeError(
                "X_S would take \(String(format: "%.1f", megabytes)) MB (K = \(instance.observedCount), D = \(spec.sampleCount)), over --max-export-mb \(maxExportMb)")
        }
        try InstanceExporter.write(instance: instance, plan: plan, outcome: outcome, to: URL(fileURLWithPath: out), sparse: sparse)
        print("wrote \(out)/{X_S,W_S,w_S,lambda_S,observed,y,v}.npy\(sparse ? ", X_S.npz" : "") and summary.json (K = \(instance.observedCount), loss = \(outcome.loss))")
    }
}
