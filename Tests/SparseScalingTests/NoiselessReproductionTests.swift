import Foundation
import Testing
@testable import SparseScaling

/// Every loss in the store written by an earlier build (Tests/SparseScalingCLITests/Fixtures/store-v1.csv:
/// reduced, direct on dense data with the realized tail, ReLU, gd, ridge) is recomputed by the point
/// evaluator with σ = 0: the observed part bit for bit, the total to 1e-13.
@Suite struct NoiselessReproductionTests {
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

    @Test func storedLossesAreReproducedExactly() throws {
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
            let outcome = try PointEvaluator.evaluate(spec, threads: 1)
            // The observed part (the solve, where label noise enters) must match bit for bit. The total
            // may differ in the last bits only: the tail Σ_{i∉S} λ_i is now summed by Euler–Maclaurin
            // (`Zeta.powerSum`) rather than the Hurwitz zeta differences of the build that wrote the store.
            let storedObserved = Double(f[column("loss_observed")])!
            #expect(outcome.lossObserved.bitPattern == storedObserved.bitPattern,
                    "\(f[column("configuration_key")]) seed \(spec.seed): observed \(outcome.lossObserved) vs \(storedObserved)")
            let stored = Double(f[column("loss")])!
            #expect(abs(outcome.loss - stored) <= 1e-13 * stored, "\(f[column("configuration_key")]) seed \(spec.seed): \(outcome.loss) vs \(stored)")
            checked += 1
        }
        #expect(checked == 11)
    }
}
