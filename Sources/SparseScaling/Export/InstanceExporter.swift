import Foundation
import LinearAlgebra

/// Writes a realized training instance as NumPy arrays so that v = y F⁺ can be recomputed in Python.
package enum InstanceExporter {
    /// Bytes that `write` would store for the largest array, X_S (K × D float64).
    package static func observedSamplesBytes(_ instance: TrainingInstance) -> Int {
        instance.observedCount * instance.specification.sampleCount * 8
    }

    /// Writes X_S.npy (K×D), W_S.npy (N×K), w_S.npy (K), lambda_S.npy (K), observed.npy (K: the observed
    /// coordinates S, 1-based indices i of the latent features), y.npy (D: the training labels w*_Sᵀ X_S + σε,
    /// noisy when σ > 0), v.npy (N), with `sparse` also X_S.npz (X_S as SciPy CSR), and, last, summary.json
    /// into `folder`; y is chosen so that v = y F⁺ is the readout `plan` trained (`ExportedLabels`).
    /// First removes summary.json (so the folder reads as complete only once this export is) and every file a
    /// previous export left that this one does not rewrite (X_S.npz without `sparse`), so the folder never mixes
    /// two instances.
    package static func write(
        instance: TrainingInstance, plan: PointPlan, outcome: PointOutcome, to folder: URL, sparse: Bool = false
    ) throws {
        try removePreviousExport(in: folder, keeping: fileNames(sparse: sparse))
        let spec = instance.specification
        let labels = try ExportedLabels.labels(instance, plan: plan)
        let k = instance.observedCount
        // X_S is the one large array: build its file(s) straight from the column-major K × D matrix, then
        // drop both before the small arrays (peak: the matrix plus its file, 16·K·D bytes).
        do {
            let x = instance.observedSamples()
            try AtomicFileWriter.write(NumPyArray.float64RowMajor(x), to: folder.appendingPathComponent("X_S.npy"))
            if sparse {
                try AtomicFileWriter.write(try SparseMatrixArchive.csr(x), to: folder.appendingPathComponent("X_S.npz"))
            }
        }
        let files: [(String, () -> Data)] = [
            ("W_S.npy", { NumPyArray.float64RowMajor(instance.embedding) }),
            ("w_S.npy", { NumPyArray.float64(instance.teacher, shape: [k]) }),
            ("lambda_S.npy", { NumPyArray.float64(instance.observed.map(spec.parameters.marginalVariance), shape: [k]) }),
            ("observed.npy", { NumPyArray.int64(instance.observed, shape: [k]) }),
            ("y.npy", { NumPyArray.float64(labels, shape: [spec.sampleCount]) }),
            ("v.npy", { NumPyArray.float64(outcome.readout, shape: [spec.featureCount]) }),
        ]
        for (name, data) in files {
            try AtomicFileWriter.write(data(), to: folder.appendingPathComponent(name))
        }
        let summary = try PointSummary(plan: plan, outcome: outcome).json()
        try AtomicFileWriter.write(summary + "\n", to: folder.appendingPathComponent("summary.json"))
    }

    /// The names of the files `write` creates without `sparse`.
    package static let fileNames = ["X_S.npy", "W_S.npy", "w_S.npy", "lambda_S.npy", "observed.npy", "y.npy", "v.npy", "summary.json"]

    /// The names of the files `write` creates (X_S.npz too with `sparse`).
    package static func fileNames(sparse: Bool) -> [String] {
        fileNames + (sparse ? ["X_S.npz"] : [])
    }

    /// Deletes summary.json and every export file in `folder` not in `kept` (files of other names stay).
    static func removePreviousExport(in folder: URL, keeping kept: [String]) throws {
        let stale = fileNames(sparse: true).filter { $0 == "summary.json" || !kept.contains($0) }
        for name in stale {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
    }
}
