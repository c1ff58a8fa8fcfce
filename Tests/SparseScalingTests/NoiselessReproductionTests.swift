import Foundation
import Testing
@testable import SparseScaling

/// Every loss in the store written by an earlier build (Tests/SparseScalingCLITests/Fixtures/store-v1.csv:
/// reduced, direct on dense data with the realized tail, ReLU, gd, ridge) is recomputed bit for bit
/// by the point evaluator with σ = 0.
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
                inputDimension: m.isEmpty ? .infinite : .finite(Int(m)!))
            var extra: [String: Double] = [:]
            for item in f[column("extra")].split(separator: ",") {
                let pair = item.split(separator: "=")
                extra[String(pair[0])] = Double(pair[1])!
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
                optimization: optimization, noise: 0)
            #expect(spec.storeConfiguration.key == f[column("configuration_key")])
            let outcome = try PointEvaluator.evaluate(spec, threads: 1)
            let stored = Double(f[column("loss")])!
            #expect(outcome.loss.bitPattern == stored.bitPattern, "\(f[column("configuration_key")]) seed \(spec.seed): \(outcome.loss) vs \(stored)")
            checked += 1
        }
        #expect(checked == 11)
    }
}
