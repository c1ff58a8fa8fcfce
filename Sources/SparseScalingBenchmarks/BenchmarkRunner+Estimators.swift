import Foundation
import SparseScaling

extension BenchmarkRunner {
    /// The conditional estimator against the default on a model-rich D sweep (N = 4D). Per D: the
    /// standard error at one CPU second of compute, SE·√(CPU s) (SE of the mean over the seeds, CPU s
    /// of all of them: independent of the seed count), of each, their ratio
    /// (SE_s√t_s)/(SE_c√t_c) = √(efficiency ratio), efficiency = 1/(SE²·t), with a seed-bootstrap 68%
    /// interval, and the paired z of the difference of the means over the seeds both ran (each seed's
    /// data is the same for both, and E[L_sample − E[L | data] | data] = 0, so the paired difference has
    /// mean zero exactly). Then the sweep as a whole: SE of the fitted D-exponent times √(CPU s of the
    /// sweep) of each estimator over the D values both ran (`SweepExponentPrecision`), and their ratio.
    func estimatorComparison(into report: inout BenchmarkReport) throws {
        let seeds = (0..<UInt64(plan.estimatorSeeds)).map { 1_000 + $0 }
        var conditionalSweep: [EstimatorSeeds] = [], sampleSweep: [EstimatorSeeds] = []
        var sampleCostPerSeed: [(d: Int, seconds: Double)] = []
        for d in plan.estimatorSweep {
            var conditionalSpec = try spec(n: 4 * d, d: d)
            conditionalSpec.estimator = .conditional
            let budget = plan.estimatorBudgetSeconds
            let conditional = timed("conditional estimator N=\(4 * d) D=\(d), \(seeds.count) seeds",
                                    .seeds(conditionalSpec, seeds: seeds, budgetSeconds: budget, minimumSeeds: seeds.count))
            var row = BenchmarkRow(name: "conditional vs sample estimator, SE per CPU second", n: 4 * d, d: d, measured: conditional)
            row.seconds = conditional.cpuSeconds
            guard let cLosses = conditional.losses, let cCPU = conditional.cpuSeconds else {
                report.rows.append(row)
                continue
            }
            let c = EstimatorSeeds(sampleCount: d, losses: cLosses, cpuSeconds: cCPU)
            var notes = [String(format: "conditional %.5g ± %.2g (%d/%d seeds exact)", c.mean, c.standardError,
                                conditional.conditionalCount ?? 0, cLosses.count)]
            let sampleSpec = try spec(n: 4 * d, d: d)
            if let deadline = plan.estimatorDeadline, Date() >= deadline, d <= plan.estimatorSampleLimit {
                notes.append("sample estimator not run: the run's time budget ended before this D; " + notRunReason(sampleSpec, measured: sampleCostPerSeed))
            } else if d <= plan.estimatorSampleLimit {
                let concurrency = seedConcurrency(sampleSpec)
                let sample = timed("sample estimator N=\(4 * d) D=\(d), up to \(seeds.count) seeds, \(concurrency) at once",
                                   .seeds(sampleSpec, seeds: seeds, budgetSeconds: budget, minimumSeeds: plan.estimatorMinimumSampleSeeds,
                                          concurrency: concurrency, deadline: plan.estimatorDeadline))
                row.baselineSeconds = sample.cpuSeconds
                if let sLosses = sample.losses, let sCPU = sample.cpuSeconds, c.unitError > 0 {
                    let s = EstimatorSeeds(sampleCount: d, losses: sLosses, cpuSeconds: sCPU)
                    let paired = EstimatorSeeds(sampleCount: d, losses: zip(sLosses, cLosses).map { $0 - $1 }, cpuSeconds: 0)
                    let z = paired.standardError > 0 ? paired.mean / paired.standardError : 0
                    let ratio = s.unitError / c.unitError
                    row.ratio = ratio
                    row.lossRelativeDifference = abs(s.mean - c.mean) / c.mean
                    row.pairedZ = z
                    row.rssMegabytes = max(row.rssMegabytes ?? 0, sample.rssMegabytes ?? 0)
                    let interval = SeedBootstrap(numerator: [s], denominator: [c]) { $0[0].unitError / $1[0].unitError }
                    row.ratioLow = interval?.lower
                    row.ratioHigh = interval?.upper
                    notes.append(String(
                        format: "sample %.5g ± %.2g (%d seeds, %d at once, %.3g CPU s/seed); SE·√CPU s: sample %.3g, conditional %.3g; ratio %.3g%@; efficiency 1/(SE²t) ratio %.3g; paired z = %.2f over %d seeds",
                        s.mean, s.standardError, sLosses.count, concurrency, s.cpuSecondsPerSeed, s.unitError, c.unitError, ratio,
                        interval.map { String(format: " (68%% bootstrap %.3g–%.3g, ±%.0f%%)", $0.lower, $0.upper, 100 * $0.relativeSpread) } ?? "",
                        ratio * ratio, z, min(sLosses.count, cLosses.count)))
                    conditionalSweep.append(c)
                    sampleSweep.append(s)
                    sampleCostPerSeed.append((d, s.cpuSecondsPerSeed))
                } else {
                    notes.append("sample estimator failed: \(sample.error ?? "no losses")")
                }
            } else {
                notes.append("sample estimator not run: " + notRunReason(sampleSpec, measured: sampleCostPerSeed))
            }
            row.note = notes.joined(separator: "; ")
            // Each row also on the progress stream as soon as it is measured (a long run keeps what it has).
            progress(String(format: "row D=%d: conditional CPU %.3g s, sample CPU %@ s: ", d, cCPU, row.baselineSeconds.map { String(format: "%.3g", $0) } ?? "—")
                     + row.note!)
            report.rows.append(row)
        }
        let sweep = sweepRow(sample: sampleSweep, conditional: conditionalSweep)
        progress("row sweep: " + (sweep.note ?? ""))
        report.rows.append(sweep)
    }

    /// How many seeds of `spec` run at once: one per thread, fewer when that many would pass
    /// `plan.estimatorMemoryBytes` by the memory estimate (at least one).
    func seedConcurrency(_ spec: PointSpecification) -> Int {
        let perSeed = MemoryEstimate(point: spec).bytes
        return max(1, min(ParallelChunks.defaultThreads, Int(plan.estimatorMemoryBytes / perSeed)))
    }

    /// Why the default estimator is beyond reach at `spec`: the size of its W_S (N × E[K] doubles), the
    /// memory estimate of one seed, and its CPU seconds per seed extrapolated from the last two D measured.
    func notRunReason(_ spec: PointSpecification, measured: [(d: Int, seconds: Double)]) -> String {
        let k = spec.parameters.expectedObservedCoordinates(sampleCount: Double(spec.sampleCount))
        let embedding = 8 * Double(spec.featureCount) * k
        var reason = String(format: "its W_S (N × K, K ≈ %.0f) needs %@ per seed (memory estimate of one seed, streamed when W_S passes 1 GiB: %@)",
                            k, MemoryEstimate.format(embedding), MemoryEstimate(point: spec).description)
        if measured.count >= 2 {
            let (a, b) = (measured[measured.count - 2], measured[measured.count - 1])
            let growth = log(b.seconds / a.seconds) / log(Double(b.d) / Double(a.d))
            let seconds = b.seconds * pow(Double(spec.sampleCount) / Double(b.d), growth)
            reason += String(format: "; ≈ %.0f CPU s per seed extrapolated (CPU ∝ D^%.2f from D = %d, %d), over %d seeds ≈ %.1f CPU h",
                             seconds, growth, a.d, b.d, plan.estimatorMinimumSampleSeeds,
                             seconds * Double(plan.estimatorMinimumSampleSeeds) / 3600)
        }
        return reason
    }

    /// The sweep-level row: SE(γ)·√T of each estimator over the D values both ran, and their ratio with
    /// a seed-bootstrap 68% interval.
    func sweepRow(sample: [EstimatorSeeds], conditional: [EstimatorSeeds]) -> BenchmarkRow {
        var row = BenchmarkRow(name: "conditional vs sample estimator, D-exponent SE per CPU second (sweep)")
        guard let first = sample.first, let last = sample.last else {
            row.note = "not measured: no D at which both estimators ran"
            return row
        }
        row.d = last.sampleCount
        do {
            let s = try SweepExponentPrecision(sample), c = try SweepExponentPrecision(conditional)
            let ratio = s.unitError / c.unitError
            row.ratio = ratio
            row.seconds = c.cpuSecondsPerSweepSeed
            row.baselineSeconds = s.cpuSecondsPerSweepSeed
            let interval = SeedBootstrap(numerator: sample, denominator: conditional) {
                try SweepExponentPrecision($0).unitError / SweepExponentPrecision($1).unitError
            }
            row.ratioLow = interval?.lower
            row.ratioHigh = interval?.upper
            row.note = String(
                format: "D = %d…%d (%d values), same seeds at every D; fitted exponent γ: sample %.4f, conditional %.4f (PowerLawFit SE on the measured means %.2g, %.2g); SE(γ)·√(sweep CPU s): sample %.3g (%.3g CPU s per sweep seed), conditional %.3g (%.3g CPU s); ratio %.3g%@",
                first.sampleCount, last.sampleCount, sample.count, s.exponent, c.exponent, s.fitStandardError, c.fitStandardError,
                s.unitError, s.cpuSecondsPerSweepSeed, c.unitError, c.cpuSecondsPerSweepSeed, ratio,
                interval.map { String(format: " (68%% bootstrap %.3g–%.3g, ±%.0f%%)", $0.lower, $0.upper, 100 * $0.relativeSpread) } ?? "")
        } catch {
            row.note = "sweep fit failed: \(error)"
        }
        return row
    }

    /// The verdicts of the estimator comparison: ≥ 10× smaller SE of the D-exponent per √CPU s over the
    /// sweep, ≥ 10× smaller SE per √CPU s at every D (with the D from which it holds), and |paired z| < 3 at each D.
    func estimatorVerdicts(_ report: BenchmarkReport) -> [BenchmarkVerdict] {
        let rows = report.rows.filter { $0.name == "conditional vs sample estimator, SE per CPU second" && $0.ratio != nil }
        let sweep = report.rows.first { $0.name.hasPrefix("conditional vs sample estimator, D-exponent") }
        guard !rows.isEmpty else {
            return [BenchmarkVerdict(target: "conditional estimator ≥ 10× smaller SE per CPU second", met: nil, detail: "not measured")]
        }
        func interval(_ r: BenchmarkRow) -> String {
            guard let lo = r.ratioLow, let hi = r.ratioHigh else { return "" }
            return String(format: " (%.1f–%.1f)", lo, hi)
        }
        let ratios = rows.map { String(format: "2^%d: %.1f×", Int(log2(Double($0.d ?? 1)).rounded()), $0.ratio!) + interval($0) }
        // The smallest D from which every larger measured D is ≥ 10×.
        let from = rows.indices.first { i in rows[i...].allSatisfy { ($0.ratio ?? 0) >= 10 } }.flatMap { rows[$0].d }
        let zs = rows.compactMap(\.pairedZ)
        var verdicts: [BenchmarkVerdict] = []
        if let sweep, let ratio = sweep.ratio {
            verdicts.append(BenchmarkVerdict(
                target: "conditional estimator ≥ 10× smaller SE of the fitted D-exponent per √(CPU s of the sweep) (N = 4D)",
                met: ratio >= 10,
                detail: String(format: "ratio %.1f×", ratio) + interval(sweep) + " over the D both ran, up to D = \(sweep.d ?? 0)"))
        } else {
            verdicts.append(BenchmarkVerdict(target: "conditional estimator ≥ 10× smaller SE of the fitted D-exponent per √CPU s",
                                             met: nil, detail: sweep?.note ?? "not measured"))
        }
        verdicts.append(BenchmarkVerdict(
            target: "conditional estimator ≥ 10× smaller SE per √CPU s at every D (N = 4D)", met: rows.allSatisfy { ($0.ratio ?? 0) >= 10 },
            detail: ratios.joined(separator: ", ") + "; " + (from.map { "≥ 10× from D = \($0) on" } ?? "not ≥ 10× at the largest D")))
        verdicts.append(BenchmarkVerdict(
            target: "conditional and sample means agree, paired |z| < 3 at each D",
            met: zs.count == rows.count ? zs.allSatisfy { abs($0) < 3 } : nil,
            detail: "z = " + zs.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
        return verdicts
    }

    /// Only the estimator comparison and its verdicts.
    package func runEstimatorComparison() throws -> BenchmarkReport {
        var report = BenchmarkReport()
        try estimatorComparison(into: &report)
        report.verdicts = estimatorVerdicts(report)
        return report
    }
}
