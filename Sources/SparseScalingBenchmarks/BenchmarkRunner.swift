import Foundation
import SparseScaling

/// Runs a `BenchmarkPlan`: every measurement in a child process of this binary (per-row peak RSS),
/// then assembles the rows, the growth fits and the verdicts into a `BenchmarkReport`.
package struct BenchmarkRunner: Sendable {
    /// The sizes to measure.
    package var plan: BenchmarkPlan
    /// Runs one job (the command line runs each in a child process; tests may run jobs in-process).
    package var measure: @Sendable (BenchmarkJob) -> BenchmarkMeasurement
    /// Receives one progress line per job.
    package var progress: @Sendable (String) -> Void

    /// A runner for `plan` that measures each job with `measure`.
    package init(
        plan: BenchmarkPlan, measure: @escaping @Sendable (BenchmarkJob) -> BenchmarkMeasurement,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.plan = plan
        self.measure = measure
        self.progress = progress
    }

    /// Measures everything and returns the report.
    package func run() throws -> BenchmarkReport {
        var report = BenchmarkReport()
        if plan.samplersOnly {
            try samplers(into: &report)
            report.verdicts = verdicts(report)
            return report
        }
        let peak = timed("dgemm peak \(plan.dgemmSize)³", .dgemmPeak(size: plan.dgemmSize))
        report.dgemmPeakGflops = peak.gflops
        var peakRow = BenchmarkRow(name: "dgemm peak (\(plan.dgemmSize)³)", n: plan.dgemmSize)
        peakRow.seconds = peak.seconds
        peakRow.gflops = peak.gflops
        peakRow.peakFraction = peak.gflops.map { _ in 1 }
        peakRow.rssMegabytes = peak.rssMegabytes
        peakRow.note = peak.error
        report.rows.append(peakRow)

        try compareSolvers(into: &report)
        try smallPoint(into: &report)
        try kernels(into: &report)
        try streamScaling(into: &report)
        try dSweep(into: &report)
        try nSweep(into: &report)
        try numpyRows(into: &report)
        gdFailureThroughput(into: &report)
        try estimatorComparison(into: &report)
        try samplers(into: &report)
        // The peak again at the end: on a shared machine the best of both is the fairer reference.
        let again = timed("dgemm peak \(plan.dgemmSize)³ (again)", .dgemmPeak(size: plan.dgemmSize))
        if let second = again.gflops, second > (report.dgemmPeakGflops ?? 0) {
            report.dgemmPeakGflops = second
            report.rows[0].seconds = again.seconds
            report.rows[0].gflops = second
        }
        report.rows[0].note = String(format: "best of two runs (start %@, end %@ GFLOP/s), each best of 5",
                                     formatted(peak.gflops, "%.1f"), formatted(again.gflops, "%.1f"))
        if let best = report.dgemmPeakGflops {
            for i in report.rows.indices where report.rows[i].name.hasPrefix("kernel") {
                report.rows[i].peakFraction = report.rows[i].gflops.map { $0 / best }
            }
        }
        report.verdicts = verdicts(report) + estimatorVerdicts(report)
        return report
    }

    func spec(n: Int, d: Int, m: InputDimension = .infinite, data: DataKind = .sparse,
              features: FeatureMap = .linear, solver: SolverKind = .reduced, sampler: SamplerVersion = .perSample,
              beta: Double? = nil) throws -> PointSpecification {
        PointSpecification(
            parameters: try DataParameters(alpha: data == .dense ? 0 : plan.alpha, beta: beta ?? plan.beta, inputDimension: m),
            featureCount: n, sampleCount: d, data: data, features: features, solver: solver, sampler: sampler)
    }

    /// Runs `job` in a child process, unless it is a point whose memory estimate exceeds
    /// `plan.pointMemoryBytes`: then a measurement whose error says why it was not run.
    func timed(_ label: String, _ job: BenchmarkJob) -> BenchmarkMeasurement {
        switch job {
        case let .point(spec), let .pointOnOneThread(spec), let .reducedProfile(spec, _):
            if let plan = try? PointPlan(spec) {
                let estimate = MemoryEstimate(plan: plan)
                if estimate.bytes > self.plan.pointMemoryBytes {
                    progress("not measuring \(label): needs an estimated \(estimate)")
                    return .failure("not run: needs an estimated \(estimate), over this machine's limit \(MemoryEstimate.format(self.plan.pointMemoryBytes))")
                }
            }
        default: break
        }
        progress("measuring \(label) …")
        return measure(job)
    }

    func compareSolvers(into report: inout BenchmarkReport) throws {
        for (n, d, m) in plan.comparisons {
            let reduced = timed("reduced N=\(n) D=\(d) M=\(m)", .point(try spec(n: n, d: d, m: .finite(m))))
            let direct = timed("direct N=\(n) D=\(d) M=\(m)", .point(try spec(n: n, d: d, m: .finite(m), solver: .direct)))
            var row = BenchmarkRow(name: "reduced vs direct", n: n, d: d, m: m, measured: reduced)
            row.baselineSeconds = direct.seconds
            if let r = reduced.seconds, let b = direct.seconds { row.ratio = b / r }
            if let a = reduced.loss, let b = direct.loss { row.lossRelativeDifference = abs(a - b) / abs(b) }
            let directMemory = direct.rssMegabytes.map { String(format: "direct %.0f MiB", $0) }
            row.note = [reduced.error, direct.error, directMemory].compactMap { $0 }.joined(separator: "; ")
            report.rows.append(row)
        }
    }

    func smallPoint(into report: inout BenchmarkReport) throws {
        let (n, d) = plan.smallPoint
        let point = timed("point N=\(n) D=\(d) M=inf", .point(try spec(n: n, d: d)))
        report.rows.append(BenchmarkRow(name: "point (reduced, whole pipeline)", n: n, d: d, measured: point))
    }

    func kernels(into report: inout BenchmarkReport) throws {
        let (n, d) = plan.kernelPoint
        let m = timed("reduced profile N=\(n) D=\(d)", .reducedProfile(try spec(n: n, d: d)))
        var point = BenchmarkRow(name: "reduced point (phases)", n: n, d: d, measured: m)
        point.note = m.error ?? m.profile.map {
            String(format: "sample %.2f, A %.2f, W_S %.2f, factor %.2f, W_S·R %.2f, readout %.2f, loss %.2f s",
                   $0.sampling, $0.secondMoment, $0.embedding, $0.factorization, $0.product, $0.readout, $0.loss)
                + ($0.sparseFactor ? "; sparse factor, \($0.hubCount) hubs, components ≤ \($0.largestBlock)" : "; dense factor")
        }
        report.rows.append(point)
        guard let p = m.profile else { return }
        // The dgemm W_S·R and the dense pivoted Cholesky only run when the sparse factor declined.
        let denseKernels: [(String, Double, Double)] = p.sparseFactor ? [] : [
            ("kernel W_S·R (dgemm \(n)×\(p.observedCount)×\(p.factorRank))", p.product, p.productGflops(featureCount: n)),
            ("kernel pivoted Cholesky (K=\(p.observedCount))", p.factorization, p.factorizationGflops),
        ]
        // The readout as a whole (its O(N·K) refinement steps included), then each of its BLAS-3/LAPACK
        // kernels: those with at least a third of its flops are the dominant ones the 60% target is about.
        let readoutFlops = p.readoutKernels.reduce(0) { $0 + $1.flops }
        let readoutKernels = p.readoutKernels.map { kernel in
            let role = kernel.flops >= readoutFlops / 3 ? "kernel" : "minor kernel"
            let share = String(format: "%.0f%%", 100 * kernel.flops / readoutFlops)
            return ("\(role) \(kernel.name), \(share) of the readout's flops (B \(n)×\(p.factorRank))",
                    kernel.seconds, kernel.flops / kernel.seconds / 1e9)
        }
        let kernels: [(String, Double, Double)] = denseKernels + [
            ("readout, \(p.readoutRoute.rawValue) of B (\(n)×\(p.factorRank))", p.readout, p.readoutGflops),
        ] + readoutKernels
        for (name, seconds, gflops) in kernels {
            var row = BenchmarkRow(name: name, n: n, d: d)
            row.seconds = seconds
            row.gflops = gflops
            row.peakFraction = report.dgemmPeakGflops.map { gflops / $0 }
            report.rows.append(row)
        }
    }

    func streamScaling(into report: inout BenchmarkReport) throws {
        let (n, d) = plan.streamPoint
        let one = timed("stream on 1 thread N=\(n) D=\(d)", .reducedProfile(try spec(n: n, d: d), threads: 1))
        let all = timed("stream on all threads N=\(n) D=\(d)", .reducedProfile(try spec(n: n, d: d), threads: nil))
        var row = BenchmarkRow(name: "data stream, all threads vs 1", n: n, d: d)
        row.seconds = all.profile?.streaming
        row.baselineSeconds = one.profile?.streaming
        if let a = row.seconds, let b = row.baselineSeconds { row.ratio = b / a }
        row.rssMegabytes = all.rssMegabytes
        row.streamSeconds = all.profile?.streaming
        row.observedCount = all.profile?.observedCount
        let identical = one.loss != nil && one.loss == all.loss
        row.note = [one.error, all.error].compactMap { $0 }.joined(separator: "; ")
            + (identical ? "loss bit-identical on 1 and \(ParallelChunks.defaultThreads) threads" : "LOSS DIFFERS between thread counts")
        report.rows.append(row)
    }

    func dSweep(into report: inout BenchmarkReport) throws {
        let n = plan.dSweepFeatures
        var xs: [Double] = [], total: [Double] = [], stream: [Double] = [], dense: [Double] = [], model: [Double] = []
        for d in plan.dSweep {
            let m = timed("D sweep N=\(n) D=\(d)", .reducedProfile(try spec(n: n, d: d)))
            report.rows.append(BenchmarkRow(name: "reduced, D sweep", n: n, d: d, measured: m))
            guard let p = m.profile else { continue }
            xs.append(Double(d)); total.append(p.total); stream.append(p.streaming); dense.append(p.dense)
            model.append(GrowthExponent.denseCost(featureCount: n, observedCount: p.observedCount, hubs: p.sparseFactor ? p.hubCount : 0))
        }
        let tail = plan.fitTail
        report.growth.append(GrowthExponent(name: "total time vs D (N=\(n))", x: xs, time: total, modelCost: nil, tail: tail))
        report.growth.append(GrowthExponent(name: "stream (sampling + A) vs D (N=\(n))", x: xs, time: stream, modelCost: xs, tail: tail))
        report.growth.append(GrowthExponent(name: "dense part (factor + W_S·R + readout) vs D (N=\(n))", x: xs, time: dense, modelCost: model, tail: tail))
    }

    func nSweep(into report: inout BenchmarkReport) throws {
        let d = plan.nSweepSamples
        var xs: [Double] = [], total: [Double] = [], dense: [Double] = [], model: [Double] = []
        for n in plan.nSweep {
            let m = timed("N sweep N=\(n) D=\(d)", .reducedProfile(try spec(n: n, d: d)))
            report.rows.append(BenchmarkRow(name: "reduced, N sweep", n: n, d: d, measured: m))
            guard let p = m.profile else { continue }
            xs.append(Double(n)); total.append(p.total); dense.append(p.dense)
            model.append(GrowthExponent.denseCost(featureCount: n, observedCount: p.observedCount, hubs: p.sparseFactor ? p.hubCount : 0))
        }
        let tail = plan.fitTail
        report.growth.append(GrowthExponent(name: "total time vs N (D=\(d))", x: xs, time: total, modelCost: nil, tail: tail))
        report.growth.append(GrowthExponent(name: "dense part vs N (D=\(d))", x: xs, time: dense, modelCost: model, tail: tail))
    }

    func gdFailureThroughput(into report: inout BenchmarkReport) {
        let (d, replicates) = plan.gdFailure
        let m = timed("GD failure, \(replicates) plain replicates at D=\(d)", .gdFailure(sampleCount: d, replicates: replicates))
        var row = BenchmarkRow(name: "GD failure, plain replicates", n: GDFailureSettings.defaultFeatureCount, d: d, measured: m)
        row.note = m.error ?? m.seconds.map {
            String(format: "%d replicates, %.0f replicates/min on %d threads", replicates, Double(replicates) / $0 * 60,
                   ParallelChunks.defaultThreads)
        }
        report.rows.append(row)
    }

    func numpyRows(into report: inout BenchmarkReport) throws {
        let (n, d, m) = plan.numpyPoint
        let unavailable = NumPyBaseline.unavailableReason()
        for features in [FeatureMap.linear, .relu] {
            let data: DataKind = features == .linear ? .dense : .sparse
            let s = try spec(n: n, d: d, m: .finite(m), data: data, features: features, solver: .direct)
            var row = BenchmarkRow(name: features == .linear ? "dense data, direct (vs NumPy)" : "ReLU features, direct (vs NumPy)", n: n, d: d, m: m)
            let ours = timed("\(row.name) N=\(n) D=\(d) M=\(m)", .point(s))
            if let error = ours.error {
                row.note = features == .relu ? "skipped: ReLU path not available (\(error))" : "skipped: \(error)"
                report.rows.append(row)
                continue
            }
            row.seconds = ours.seconds
            row.cpuSeconds = ours.cpuSeconds
            row.rssMegabytes = ours.rssMegabytes
            if let unavailable {
                row.note = "NumPy baseline skipped: \(unavailable)"
            } else {
                progress("measuring NumPy baseline for \(row.name) …")
                do {
                    let numpy = try NumPyBaseline.measure(s)
                    row.baselineSeconds = numpy.seconds
                    if let seconds = ours.seconds { row.ratio = numpy.seconds / seconds }
                    row.note = String(format: "NumPy %@ %.0f MiB; loss %@ vs NumPy %.3g (different draws)",
                                      numpy.numpyVersion, numpy.rssMegabytes, formatted(ours.loss, "%.3g"), numpy.loss)
                } catch {
                    row.note = "NumPy baseline failed: \(error)"
                }
            }
            report.rows.append(row)
        }
    }
}
