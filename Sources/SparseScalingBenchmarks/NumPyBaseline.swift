import Foundation
import SparseScaling

/// A plain NumPy implementation of one point (dense pseudoinverse of F = W X, or of ReLU(W X) with a
/// Monte-Carlo test loss), timed in a `python3` child process, as an outside reference for our timings.
/// Its random numbers differ from ours, so only its time (and the loss's order of magnitude) compare.
package enum NumPyBaseline {
    /// The script: argv = kind (dense | relu), N, D, M, α, β, test samples; prints one JSON line.
    static let script = #"""
import json, sys, time
import numpy as np
kind, n, d, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
alpha, beta, tests = float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
rng = np.random.default_rng(0)
start = time.perf_counter()
i = np.arange(1, m + 1, dtype=np.float64)
p = np.minimum(1.0, i ** -beta)
lam = i ** -(1 + alpha + beta)
def samples(count):
    if kind == "dense":
        return np.sqrt(lam)[:, None] * rng.standard_normal((m, count))
    active = rng.random((m, count)) < p[:, None]
    return active * (i ** (-(1 + alpha) / 2))[:, None] * rng.standard_normal((m, count))
X = samples(d)
W = rng.standard_normal((n, m)) / np.sqrt(n)
w = rng.standard_normal(m)
y = w @ X
F = W @ X
if kind == "relu":
    F = np.maximum(F, 0.0)
v = y @ np.linalg.pinv(F, rcond=max(n, d) * np.finfo(float).eps)
if kind == "dense":
    loss = float(np.sum(lam * (W.T @ v - w) ** 2))
else:
    Xt = samples(tests)
    loss = float(np.mean((v @ np.maximum(W @ Xt, 0.0) - w @ Xt) ** 2))
seconds = time.perf_counter() - start
import resource
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "loss": loss, "rss_mb": rss, "numpy": np.__version__}))
"""#

    /// The outcome of the NumPy run.
    package struct Timing: Sendable, Codable {
        /// Wall-clock seconds of the NumPy point (sampling, product, pseudoinverse, loss).
        package var seconds: Double
        /// Its loss (a different random instance than ours).
        package var loss: Double
        /// Peak RSS of the python process in mebibytes.
        package var rssMegabytes: Double
        /// The NumPy version.
        package var numpyVersion: String

        enum CodingKeys: String, CodingKey {
            case seconds, loss, rssMegabytes = "rss_mb", numpyVersion = "numpy"
        }
    }

    /// Why the baseline cannot run, or nil when `python3` with NumPy is available.
    package static func unavailableReason() -> String? {
        guard let python = pythonPath() else { return "python3 not found on PATH" }
        guard let result = try? ChildProcess.run(python, ["-c", "import numpy"]), result.status == 0 else {
            return "python3 has no numpy"
        }
        return nil
    }

    /// Times the NumPy point for `specification` (finite M; dense data or ReLU features).
    package static func measure(_ specification: PointSpecification) throws -> Timing {
        guard let python = pythonPath() else { throw NumPyBaselineError.unavailable("python3 not found on PATH") }
        guard let m = specification.parameters.inputDimension.finiteValue else {
            throw NumPyBaselineError.unavailable("the NumPy baseline needs a finite M")
        }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sparse-scaling-numpy-\(ProcessInfo.processInfo.processIdentifier).py")
        try script.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let kind = specification.features == .relu ? "relu" : "dense"
        let p = specification.parameters
        let (output, status) = try ChildProcess.run(python, [
            url.path, kind, "\(specification.featureCount)", "\(specification.sampleCount)", "\(m)",
            "\(p.alpha)", "\(p.beta)", "\(specification.optimization.testSamples)",
        ])
        guard status == 0, let line = output.split(separator: "\n").last else {
            throw NumPyBaselineError.failed("python3 exited with status \(status)")
        }
        return try JSONDecoder().decode(Timing.self, from: Data(line.utf8))
    }

    /// The first `python3` on PATH.
    static func pythonPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Why the NumPy baseline could not be timed.
package enum NumPyBaselineError: Error, CustomStringConvertible {
    /// python3 or numpy is missing, or the point does not fit the script.
    case unavailable(String)
    /// The script ran but failed.
    case failed(String)

    package var description: String {
        switch self {
        case let .unavailable(why), let .failed(why): return why
        }
    }
}
