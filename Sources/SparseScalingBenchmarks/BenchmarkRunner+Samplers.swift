import Foundation
import SparseScaling

extension BenchmarkRunner {
    /// The sampler rows: the whole point under the per-sample and the sublinear sampler side by side,
    /// the sublinear sampler alone at larger D with the growth of the whole point's time vs D, and the
    /// agreement of the two samplers' losses over many seeds.
    func samplers(into report: inout BenchmarkReport) throws {
        let (n, d) = plan.samplerComparison
        let perSample = timed("point per-sample N=\(n) D=\(d)", .point(try spec(n: n, d: d)))
        let sublinear = timed("point sublinear N=\(n) D=\(d)", .point(try spec(n: n, d: d, sampler: .sublinear)))
        var row = BenchmarkRow(name: "point, sublinear vs per-sample sampler", n: n, d: d, measured: sublinear)
        row.baselineSeconds = perSample.seconds
        if let a = sublinear.seconds, let b = perSample.seconds { row.ratio = b / a }
        row.note = Self.memoryNote(sublinear, baseline: perSample)
        report.rows.append(row)

        if let (n, d, beta) = plan.nearOnePoint {
            // β near 1: K ≫ N and a giant co-activation component; both samplers stream B = W_S X.
            let perSample = timed("point per-sample N=\(n) D=\(d) β=\(beta)", .point(try spec(n: n, d: d, beta: beta)))
            let specification = try spec(n: n, d: d, sampler: .sublinear, beta: beta)
            let sublinear = timed("point sublinear N=\(n) D=\(d) β=\(beta)", .point(specification))
            var row = BenchmarkRow(name: "point β=\(beta), sublinear vs per-sample sampler", n: n, d: d, measured: sublinear)
            row.baselineSeconds = perSample.seconds
            if let a = sublinear.seconds, let b = perSample.seconds { row.ratio = b / a }
            let cap = IndexCapLoss(parameters: specification.parameters, sampleCount: d).map { "index cap: " + $0.description }
            row.note = [Self.memoryNote(sublinear, baseline: perSample), cap].compactMap { $0 }.joined(separator: "; ")
            report.rows.append(row)
        }

        var xs: [Double] = [], times: [Double] = []
        for size in plan.sublinearSweep {
            let m = timed("point sublinear N=\(n) D=\(size)", .point(try spec(n: n, d: size, sampler: .sublinear)))
            report.rows.append(BenchmarkRow(name: "point (sublinear sampler), D sweep", n: n, d: size, measured: m))
            if let t = m.seconds { xs.append(Double(size)); times.append(t) }
        }
        report.growth.append(GrowthExponent(
            name: "whole point time vs D, sublinear sampler (N=\(n))", x: xs, time: times, modelCost: nil,
            tail: plan.sublinearSweep.count))

        for size in plan.agreementSizes {
            let n = plan.agreementFeatures
            let m = timed("sampler agreement N=\(n) D=\(size)", .samplerAgreement(try spec(n: n, d: size), seeds: plan.agreementSeeds))
            var row = BenchmarkRow(name: "loss agreement, per-sample vs sublinear (\(plan.agreementSeeds) seeds each)", n: n, d: size, measured: m)
            row.note = m.error ?? m.agreement.map {
                String(format: "mean loss %.6g ± %.2g vs %.6g ± %.2g, z = %.2f (%@)",
                       $0.perSampleMean, $0.perSampleStandardError, $0.sublinearMean, $0.sublinearStandardError, $0.z,
                       abs($0.z) < 3 ? "agree" : "DISAGREE")
            }
            report.rows.append(row)
        }
    }

    /// Errors of either run and the per-sample run's peak beside the sublinear one's (the row's RSS).
    static func memoryNote(_ sublinear: BenchmarkMeasurement, baseline perSample: BenchmarkMeasurement) -> String {
        var parts = [sublinear.error, perSample.error.map { "per-sample: " + $0 }].compactMap { $0 }
        if let a = sublinear.rssMegabytes, let b = perSample.rssMegabytes {
            parts.append(String(format: "RSS %.0f MiB vs per-sample %.0f MiB (%.1f× less)", a, b, b / a))
        }
        return parts.joined(separator: "; ")
    }
}
