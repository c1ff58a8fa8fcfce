import Foundation
import SparseScaling

extension BenchmarkRunner {
    /// The conditional estimator against the default on a model-rich D sweep (N = 4D): per D the
    /// standard error at one CPU second of compute, SE·√(CPU s) (SE of the mean over the seeds, CPU s
    /// of all of them: independent of the seed count), of each, their ratio
    /// (SE_s√t_s)/(SE_c√t_c) = √(efficiency ratio), efficiency = 1/(SE²·t), and the paired z of the
    /// difference of the means over the seeds both ran (each seed's data is the same for both, and
    /// E[L_sample − E[L | data] | data] = 0, so the paired difference has mean zero exactly).
    func estimatorComparison(into report: inout BenchmarkReport) throws {
        let seeds = (0..<UInt64(plan.estimatorSeeds)).map { 1_000 + $0 }
        for d in plan.estimatorSweep {
            var conditionalSpec = try spec(n: 4 * d, d: d)
            conditionalSpec.estimator = .conditional
            let budget = plan.estimatorBudgetSeconds
            let conditional = timed("conditional estimator N=\(4 * d) D=\(d), up to \(seeds.count) seeds", .seeds(conditionalSpec, seeds: seeds, budgetSeconds: budget))
            var row = BenchmarkRow(name: "conditional vs sample estimator, SE per CPU second", n: 4 * d, d: d, measured: conditional)
            row.seconds = conditional.cpuSeconds
            guard let cLosses = conditional.losses else {
                report.rows.append(row)
                continue
            }
            let c = Self.meanAndError(cLosses)
            let cEfficiency = conditional.cpuSeconds.map { c.error * $0.squareRoot() }
            var notes = [String(format: "conditional %.5g ± %.2g (%d/%d seeds exact)", c.mean, c.error,
                                conditional.conditionalCount ?? 0, cLosses.count)]
            if d <= plan.estimatorSampleLimit {
                let sample = timed("sample estimator N=\(4 * d) D=\(d), up to \(seeds.count) seeds", .seeds(try spec(n: 4 * d, d: d), seeds: seeds, budgetSeconds: budget))
                row.baselineSeconds = sample.cpuSeconds
                if let sLosses = sample.losses, let sCPU = sample.cpuSeconds, let cEfficiency, cEfficiency > 0 {
                    let s = Self.meanAndError(sLosses)
                    let paired = Self.meanAndError(zip(sLosses, cLosses).map { $0 - $1 })
                    let z = paired.error > 0 ? paired.mean / paired.error : 0
                    row.ratio = s.error * sCPU.squareRoot() / cEfficiency
                    row.lossRelativeDifference = abs(s.mean - c.mean) / c.mean
                    row.pairedZ = z
                    notes.append(String(
                        format: "sample %.5g ± %.2g (%d seeds); SE·√CPU s: sample %.3g, conditional %.3g; efficiency 1/(SE²t) ratio %.3g; paired z = %.2f over %d seeds",
                        s.mean, s.error, sLosses.count, s.error * sCPU.squareRoot(), cEfficiency, row.ratio! * row.ratio!, z, sLosses.count))
                } else {
                    notes.append("sample estimator failed: \(sample.error ?? "no losses")")
                }
            } else {
                notes.append("sample estimator not run above D = \(plan.estimatorSampleLimit) (its N × K embedding and SVD per seed)")
            }
            row.note = notes.joined(separator: "; ")
            report.rows.append(row)
        }
    }

    /// Mean and standard error of the mean.
    static func meanAndError(_ x: [Double]) -> (mean: Double, error: Double) {
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, x.count - 1))
        return (mean, (variance / Double(x.count)).squareRoot())
    }

    /// The verdicts of the estimator comparison: ≥ 10× smaller SE per CPU second, and |paired z| < 3 at each D.
    func estimatorVerdicts(_ report: BenchmarkReport) -> [BenchmarkVerdict] {
        let rows = report.rows.filter { $0.name.hasPrefix("conditional vs sample") && $0.ratio != nil }
        guard !rows.isEmpty else {
            return [BenchmarkVerdict(target: "conditional estimator ≥ 10× smaller SE per CPU second", met: nil, detail: "not measured")]
        }
        let worst = rows.compactMap(\.ratio).min()!
        let zs = rows.compactMap(\.pairedZ)
        let belowTarget = rows.filter { ($0.ratio ?? 0) < 10 }.compactMap(\.d)
        return [
            BenchmarkVerdict(target: "conditional estimator ≥ 10× smaller SE per CPU second (N = 4D)", met: worst >= 10,
                             detail: String(format: "smallest ratio %.1f× over D = %d…%d", worst, rows.first!.d ?? 0, rows.last!.d ?? 0)
                                + (belowTarget.isEmpty ? "" : "; below 10× at D = " + belowTarget.map(String.init).joined(separator: ", "))),
            BenchmarkVerdict(target: "conditional and sample means agree, paired |z| < 3 at each D",
                             met: zs.count == rows.count ? zs.allSatisfy { abs($0) < 3 } : nil,
                             detail: "z = " + zs.map { String(format: "%.2f", $0) }.joined(separator: ", ")),
        ]
    }

    /// Only the estimator comparison and its verdicts.
    package func runEstimatorComparison() throws -> BenchmarkReport {
        var report = BenchmarkReport()
        try estimatorComparison(into: &report)
        report.verdicts = estimatorVerdicts(report)
        return report
    }
}
