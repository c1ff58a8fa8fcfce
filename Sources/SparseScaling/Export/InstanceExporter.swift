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
    /// into `folder`. With σ > 0 the outcome must come from per-sample noise
    /// (`LinearPointEvaluator.evaluateKeepingInstance(_:perSampleNoise: true)`), so v = y F⁺ holds.
    package static func write(instance: TrainingInstance, outcome: PointOutcome, to folder: URL, sparse: Bool = false) throws {
        let spec = instance.specification
        let k = instance.observedCount
        let x = instance.observedSamples()
        var files: [(String, Data)] = [
            ("X_S.npy", NumPyArray.float64(x.transposed.storage, shape: [k, spec.sampleCount])),
            ("W_S.npy", NumPyArray.float64(instance.embedding.transposed.storage, shape: [spec.featureCount, k])),
            ("w_S.npy", NumPyArray.float64(instance.teacher, shape: [k])),
            ("lambda_S.npy", NumPyArray.float64(instance.observed.map(spec.parameters.marginalVariance), shape: [k])),
            ("observed.npy", NumPyArray.int64(instance.observed, shape: [k])),
            ("y.npy", NumPyArray.float64(instance.noisyLabels(), shape: [spec.sampleCount])),
            ("v.npy", NumPyArray.float64(outcome.readout, shape: [spec.featureCount])),
        ]
        if sparse { files.append(("X_S.npz", try SparseMatrixArchive.csr(x))) }
        for (name, data) in files {
            try AtomicFileWriter.write(data, to: folder.appendingPathComponent(name))
        }
        let summary = try PointSummary(specification: spec, outcome: outcome).json()
        try AtomicFileWriter.write(summary + "\n", to: folder.appendingPathComponent("summary.json"))
    }
}
