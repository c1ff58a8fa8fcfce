import Foundation
import Testing
@testable import SparseScaling

/// Every loss in the store written by an earlier build (Tests/SparseScalingCLITests/Fixtures/store-v1.csv:
/// reduced, direct on dense data with the realized tail, ReLU, gd, ridge) is recomputed by the point
/// evaluator with σ = 0, to a relative tolerance derived from the instance's conditioning.
///
/// Why not bit for bit: the fixture was written on another CPU. OpenBLAS picks its kernels per CPU
/// (SSE3, AVX2, AVX-512), and they sum in different orders, so the last bits of every product differ.
/// Bit identity is asserted only within one machine (threads, shards, resume: DeterminismTests,
/// CrashResumeTests, ShardTests).
@Suite struct NoiselessReproductionTests {
    /// The relative error a recomputation on other BLAS kernels may show, for one stored point.
    ///
    /// Every exact route solves the normal equations of F (F Fᵀ v = F y, directly or in the reduced
    /// space), whose condition number is κ(F)², κ(F) = σ_max/σ_min over the singular values of F above
    /// the rank tolerance. A backward-stable solve run with other summation orders moves v, and with it
    /// the quadratic loss, by at most c·κ(F)²·ε relative; c = 64 covers the sums' lengths (≤ D = 256 terms
    /// in pairwise or blocked order) and the loss's quadratic form. A ridge only lowers the conditioning.
    /// Gradient descent also inherits its step 1/λ̂_max from a power iteration stopped at a relative
    /// change of 1e-10 (`ReadoutLeastSquaresProblem.largestCurvature`); a step moved by δ moves the
    /// t-th iterate by at most t·δ relative, and the loss by twice that, so 2·t·1e-10 is added.
    static func tolerance(_ spec: PointSpecification, iterations: Int?) throws -> (relative: Double, kappa: Double) {
        let instance = try TrainingInstance(spec, threads: 1)
        let features = spec.features == .relu
            ? instance.reluFeatures()
            : BLAS.product(instance.embedding, instance.observedSamples())
        let singular = try SingularValueDecomposition(features).singularValues
        let top = singular.first ?? 0
        let kept = singular.filter { $0 > 1e-10 * top }
        let kappa = top / (kept.last ?? top)
        let iterative = iterations.map { 2 * Double($0) * 1e-10 } ?? 0
        return (64 * kappa * kappa * Double.ulpOfOne + iterative, kappa)
    }

    static let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SparseScalingCLITests/Fixtures/store-v1.csv")

    /// The fields of one CSV line (double quotes group fields that contain commas).
    static func fields(_ line: Substring) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { out.append(current); current = "" } else { current.append(ch) }
        }
        out.append(current)
        return out
    }

    @Test func storedLossesAreReproducedToTheirConditioning() throws {
        let lines = try String(contentsOf: Self.csv, encoding: .utf8).split(separator: "\n")
        let header = Self.fields(lines[0])
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var checked = 0
        for line in lines.dropFirst() {
            let f = Self.fields(line)
            let m = f[column("m")]
            let parameters = try DataParameters(
                alpha: Double(f[column("alpha")])!, beta: Double(f[column("beta")])!,
                inputDimension: m.isEmpty || m == "inf" ? .infinite : .finite(Int(m)!))
            // Training settings: their own columns (current CSV) or the packed `extra` column (older CSV).
            var extra: [String: Double] = [:]
            if let e = header.firstIndex(of: "extra") {
                for item in f[e].split(separator: ",") {
                    let pair = item.split(separator: "=")
                    extra[String(pair[0])] = Double(pair[1])!
                }
            }
            for name in ["test_samples", "gradient_tolerance", "max_iterations", "eta"] {
                if let i = header.firstIndex(of: name), !f[i].isEmpty { extra[name] = Double(f[i])! }
            }
            var optimization = OptimizationSettings()
            if let t = extra["test_samples"] { optimization.testSamples = Int(t) }
            if let g = extra["gradient_tolerance"] { optimization.gradientTolerance = g }
            if let k = extra["max_iterations"] { optimization.maxIterations = Int(k) }
            if let eta = extra["eta"] { optimization.stepSize = eta }
            let spec = PointSpecification(
                parameters: parameters, featureCount: Int(f[column("n")])!, sampleCount: Int(f[column("d")])!,
                data: DataKind(rawValue: f[column("data")])!, features: FeatureMap(rawValue: f[column("features")])!,
                solver: SolverKind(rawValue: f[column("solver")])!, ridge: Double(f[column("ridge")])!,
                tail: TailEstimator(rawValue: f[column("tail")])!, seed: UInt64(f[column("seed")])!,
                optimization: optimization, labelNoise: 0)
            #expect(spec.storeConfiguration.key == f[column("configuration_key")])
            // Dense data observe every coordinate, so a realized tail has no effect there and is now refused
            // by name; the stored row's loss is that of the expected tail (both are 0 on dense data).
            var planned = spec
            if spec.data == .dense, spec.tail == .realized {
                #expect(throws: ParameterError.self) { try PointPlan(spec) }
                planned.tail = .expected
            }
            let outcome = try PointEvaluator.evaluate(planned, threads: 1)
            let (tolerance, kappa) = try Self.tolerance(spec, iterations: spec.solver == .gd ? optimization.maxIterations : nil)
            let label = "\(f[column("configuration_key")]) seed \(spec.seed) (κ(F) = \(kappa), tolerance \(tolerance))"
            // The observed part (the solve, where label noise enters) to the conditioning's tolerance.
            let storedObserved = Double(f[column("loss_observed")])!
            #expect(abs(outcome.lossObserved - storedObserved) <= tolerance * storedObserved,
                    "\(label): observed \(outcome.lossObserved) vs \(storedObserved)")
            // The total also moved by 1e-13 relative when the tail Σ_{i∉S} λ_i came to be summed by
            // Euler–Maclaurin (`Zeta.powerSum`) rather than the Hurwitz zeta differences of the build that
            // wrote the store.
            let stored = Double(f[column("loss")])!
            #expect(abs(outcome.loss - stored) <= (tolerance + 1e-13) * stored, "\(label): \(outcome.loss) vs \(stored)")
            print("\(label): observed differs by \(abs(outcome.lossObserved - storedObserved) / storedObserved) relative")
            checked += 1
        }
        #expect(checked == 11)
    }
}
