import Foundation
import SparseScaling

extension BenchmarkRunner {
    /// The sampler rows: the whole point under the per-sample and the sublinear sampler side by side
    /// (time ratio and both peaks), the agreement of the two samplers' losses over many seeds, the
    /// sublinear sampler alone at larger D with the growth of the whole point's time vs D, and a point
    /// near β = 1 under both samplers with the index cap's lost mass. Each row is also written to the
    /// progress stream as soon as it is measured (the longest rows come last).
    func samplers(into report: inout BenchmarkReport) throws {
        try samplerSpeed(into: &report)
        if plan.samplerSpeedOnly { return }
        let (n, _) = plan.samplerComparison

        for size in plan.agreementSizes {
            let n = plan.agreementFeatures
            let m = timed("sampler agreement N=\(n) D=\(size)", .samplerAgreement(try spec(n: n, d: size), seeds: plan.agreementSeeds))
            var row = BenchmarkRow(name: "loss agreement, per-sample vs sublinear (\(plan.agreementSeeds) seeds each)", n: n, d: size, measured: m)
            row.note = m.error ?? m.agreement.map {
                String(format: "mean loss %.6g ± %.2g vs %.6g ± %.2g, z = %.2f (%@)",
                       $0.perSampleMean, $0.perSampleStandardError, $0.sublinearMean, $0.sublinearStandardError, $0.z,
                       abs($0.z) < 3 ? "agree" : "DISAGREE")
            }
            append(row, to: &report)
        }

        var xs: [Double] = [], times: [Double] = []
        func sweep(_ sizes: [Int]) throws {
            for size in sizes {
                let m = timed("point sublinear N=\(n) D=\(size)", .point(try spec(n: n, d: size, sampler: .sublinear)))
                append(BenchmarkRow(name: "point (sublinear sampler), D sweep", n: n, d: size, measured: m), to: &report)
                if let t = m.seconds { xs.append(Double(size)); times.append(t) }
            }
        }
        let largest = plan.sublinearSweep.max() ?? 0
        try sweep(plan.sublinearSweep.filter { $0 < largest })

        if let (n, d, beta) = plan.nearOnePoint {
            // β near 1: K ≫ N and a giant co-activation component; both samplers stream B = W_S X.
            let specification = try spec(n: n, d: d, sampler: .sublinear, beta: beta)
            let sublinear = timed("point sublinear N=\(n) D=\(d) β=\(beta)", .point(specification))
            let perSample = timed("point per-sample N=\(n) D=\(d) β=\(beta)", .point(try spec(n: n, d: d, beta: beta)))
            var row = Self.sideBySide("point β=\(beta), sublinear vs per-sample sampler", n: n, d: d, sublinear, perSample)
            let losses = sublinear.loss.map { a in
                "loss \(String(format: "%.4g", a)) vs per-sample " + (perSample.loss.map { String(format: "%.4g", $0) } ?? "—")
            }
            let cap = IndexCapLoss(parameters: specification.parameters, sampleCount: d).map { "index cap: " + $0.description }
            row.note = [row.note, losses, cap].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
            append(row, to: &report)
        }

        try sweep(plan.sublinearSweep.filter { $0 == largest })
        report.growth.append(GrowthExponent(
            name: "whole point time vs D, sublinear sampler (N=\(n))", x: xs, time: times, modelCost: nil,
            tail: plan.sublinearSweep.count))
    }

    /// The sampler speed rows: the whole point under both samplers side by side, on all threads (wall
    /// clock) and on one thread with BLAS on one thread too (CPU seconds without spin-waiting BLAS
    /// threads), with the per-sample sampler as a user runs it; then the draw rates on one thread.
    func samplerSpeed(into report: inout BenchmarkReport) throws {
        let (n, d) = plan.samplerComparison
        let perSampleSpec = try spec(n: n, d: d), sublinearSpec = try spec(n: n, d: d, sampler: .sublinear)
        let route = try PointPlan(perSampleSpec).route == .reducedStreamed
            ? "per-sample streams W_S and B (regenerated per pass)" : "per-sample holds W_S and B in memory"
        let perSample = timed("point per-sample N=\(n) D=\(d)", .point(perSampleSpec))
        let sublinear = timed("point sublinear N=\(n) D=\(d)", .point(sublinearSpec))
        var row = Self.sideBySide("point, sublinear vs per-sample sampler", n: n, d: d, sublinear, perSample)
        row.note = [route, row.note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
        append(row, to: &report)
        let perSampleOne = timed("point per-sample N=\(n) D=\(d) on one thread", .pointOnOneThread(perSampleSpec))
        let sublinearOne = timed("point sublinear N=\(n) D=\(d) on one thread", .pointOnOneThread(sublinearSpec))
        var one = Self.sideBySide("point on one thread (BLAS too), sublinear vs per-sample", n: n, d: d, sublinearOne, perSampleOne)
        if let a = sublinearOne.cpuSeconds, let b = perSampleOne.cpuSeconds { one.ratio = b / a }
        one.note = [route, "ratio of CPU seconds", one.note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
        append(one, to: &report)

        let rates = timed("draw rates N=\(n)", .drawRates(sublinearSpec, perSampleCount: plan.perSampleRateCount))
        var rateRow = BenchmarkRow(name: "draw rates on one thread (ns per block, normal, sample, touched sample)", n: n, d: d, measured: rates)
        rateRow.note = rates.error ?? rates.drawRates?.description
        append(rateRow, to: &report)
    }

    /// Issue 15's speed target on the side-by-side rows: the sublinear point ≥ 10× faster than the
    /// per-sample one at (N, D) = (2048, 10⁸), in wall clock on all threads and in CPU seconds on one.
    func samplerSpeedVerdicts(_ report: BenchmarkReport) -> [BenchmarkVerdict] {
        let rows = [("wall clock, all threads", "point, sublinear vs per-sample sampler"),
                    ("CPU seconds, one thread", "point on one thread (BLAS too), sublinear vs per-sample")]
        return rows.compactMap { label, name in
            guard let row = report.rows.first(where: { $0.name == name }) else { return nil }
            let isTarget = row.n == 2048 && row.d == 100_000_000
            return BenchmarkVerdict(
                target: "sublinear point ≥ 10× faster than per-sample at (2048, 10^8), \(label)",
                met: isTarget ? row.ratio.map { $0 >= 10 } : nil,
                detail: row.ratio.map { String(format: "%.1f× at (%d, %d)", $0, row.n ?? 0, row.d ?? 0) } ?? "not measured")
        }
    }

    /// The size targets of the sublinear sampler: D = 10⁹ and 10¹⁰ at N = 2048 (β = 2) within 4 GiB, the
    /// second in under 30 minutes, and the point near β = 1 within 8 GiB with the index cap's lost mass.
    func samplerSizeVerdicts(_ report: BenchmarkReport) -> [BenchmarkVerdict] {
        let sweep = report.rows.filter { $0.name == "point (sublinear sampler), D sweep" && $0.n == 2048 }
        var list: [BenchmarkVerdict] = []
        for (d, label, minutes) in [(1_000_000_000, "10^9", nil), (10_000_000_000, "10^10", 30.0)] as [(Int, String, Double?)] {
            guard let row = sweep.first(where: { $0.d == d }) else { continue }
            let within = row.seconds.flatMap { s in row.rssMegabytes.map { $0 < 4096 && (minutes.map { s < 60 * $0 } ?? true) } }
            list.append(BenchmarkVerdict(
                target: "sublinear point (2048, \(label)), β = 2" + (minutes.map { String(format: ", in < %.0f min", $0) } ?? "") + ", peak RSS < 4 GiB",
                met: row.note == nil ? within : false,
                detail: row.note ?? String(format: "%@ s wall, %@ CPU s, %@ MiB peak RSS", formatted(row.seconds, "%.0f"),
                                           formatted(row.cpuSeconds, "%.0f"), formatted(row.rssMegabytes, "%.0f"))))
        }
        if let near = report.rows.first(where: { $0.name.hasPrefix("point β=") }), let (n, d, beta) = plan.nearOnePoint {
            list.append(BenchmarkVerdict(
                target: String(format: "point near β = 1, (%d, %d, β = %g, M = ∞), sublinear sampler: peak RSS < 8 GiB, the index cap's lost mass reported", n, d, beta),
                met: near.seconds == nil ? false : near.rssMegabytes.map { $0 < 8192 && (near.note ?? "").contains("index cap") },
                detail: String(format: "%@ s wall, %@ CPU s, %@ MiB peak RSS; ", formatted(near.seconds, "%.0f"), formatted(near.cpuSeconds, "%.0f"),
                               formatted(near.rssMegabytes, "%.0f")) + (near.note ?? "")))
        }
        return list
    }

    /// The sublinear run's row with the per-sample run as its baseline: the time ratio, and both peaks.
    static func sideBySide(
        _ name: String, n: Int, d: Int, _ sublinear: BenchmarkMeasurement, _ perSample: BenchmarkMeasurement
    ) -> BenchmarkRow {
        var row = BenchmarkRow(name: name, n: n, d: d, measured: sublinear)
        row.baselineSeconds = perSample.seconds
        if let a = sublinear.seconds, let b = perSample.seconds { row.ratio = b / a }
        var parts = [sublinear.error, perSample.error.map { "per-sample: " + $0 }].compactMap { $0 }
        if let a = sublinear.rssMegabytes, let b = perSample.rssMegabytes {
            parts.append(String(format: "RSS %.0f MiB vs per-sample %.0f MiB (%.1f× less)", a, b, b / a))
        }
        if let a = sublinear.cpuSeconds, let b = perSample.cpuSeconds {
            parts.append(String(format: "CPU %.1f s vs per-sample %.1f s (%.1f×)", a, b, b / a))
        }
        row.note = parts.joined(separator: "; ")
        return row
    }

    /// Appends `row` to the report and writes it to the progress stream at once.
    func append(_ row: BenchmarkRow, to report: inout BenchmarkReport) {
        report.rows.append(row)
        let number = { (x: Double?, format: String) in x.map { String(format: format, $0) } ?? "—" }
        progress("row: \(row.name) N=\(row.n.map(String.init) ?? "") D=\(row.d.map(String.init) ?? ""): "
            + "\(number(row.seconds, "%.2f")) s, CPU \(number(row.cpuSeconds, "%.1f")) s, baseline \(number(row.baselineSeconds, "%.2f")) s, "
            + "ratio \(number(row.ratio, "%.1f")), RSS \(number(row.rssMegabytes, "%.0f")) MiB; \(row.note ?? "")")
    }
}
