import Foundation
import LinearAlgebra
import ScalingAnalysis

/// Runs the GD-failure experiment: for each D, R independent datasets, λ_max(F Fᵀ/D) of each, and the
/// probability that GD with step η = 2/τ diverges. Deterministic for any thread count.
public enum GDFailureExperiment {
    /// The result for `settings` on up to `threads` threads; `progress` is told after each D.
    public static func run(
        _ settings: GDFailureSettings, threads: Int = ParallelChunks.defaultThreads,
        progress: ((GDFailureRow) -> Void)? = nil
    ) throws -> GDFailureResult {
        try settings.validate()
        var rows: [GDFailureRow] = []
        for d in settings.sampleCounts.sorted() {
            let row = measure(settings, sampleCount: d, threads: threads)
            progress?(row)
            rows.append(row)
        }
        var slopes: [GDFailureLocalSlope] = []
        if rows.count >= 2 {
            let points = rows.map { ScalingPoint(x: Double($0.sampleCount), y: $0.probability, standardError: $0.standardError) }
            for l in try LocalExponent.between(points) {
                slopes.append(GDFailureLocalSlope(
                    lowerSampleCount: Int(l.xLower), upperSampleCount: Int(l.xUpper),
                    slope: l.exponent.map { -$0 }, standardError: l.standardError))
            }
        }
        return GDFailureResult(settings: settings, rows: rows, localSlopes: slopes, predictedSlope: settings.predictedSlope)
    }

    /// The row of one D.
    public static func measure(_ settings: GDFailureSettings, sampleCount d: Int, threads: Int) -> GDFailureRow {
        struct Partial: Sendable {
            var failures = 0, sum = 0.0, sumSquares = 0.0, lambda = 0.0, observed = 0.0
        }
        var clock = PhaseClock()
        let proposal = settings.estimator == .importance
            ? GDFailureProposal(alpha: settings.alpha, beta: settings.beta, sampleCount: d, threshold: settings.threshold)
            : nil
        let design = GDFailureReplicate(
            alpha: settings.alpha, beta: settings.beta, sampleCount: d, featureCount: settings.featureCount,
            threshold: settings.threshold, embedding: settings.embedding, proposal: proposal)
        // Independent streams per D: the seed is mixed with D.
        let seed = settings.seed ^ (UInt64(d) &* 0x9E37_79B9_7F4A_7C15)
        // Each worker runs its replicates' small BLAS kernels itself.
        let partials = BLAS.withThreadCount(1) {
            ParallelChunks.map(count: settings.replicates, chunkSize: 64, threads: threads) { range in
            var scratch = GDFailureReplicate.Scratch()
            var p = Partial()
            for r in range {
                let o = design.run(seed: seed, index: r, scratch: &scratch)
                let contribution = o.failed ? exp(o.logWeight) : 0
                if o.failed { p.failures += 1 }
                p.sum += contribution
                p.sumSquares += contribution * contribution
                p.lambda += o.largestEigenvalue
                p.observed += Double(o.observedCount)
            }
            return p
            }
        }
        var total = Partial()
        for p in partials {
            total.failures += p.failures
            total.sum += p.sum
            total.sumSquares += p.sumSquares
            total.lambda += p.lambda
            total.observed += p.observed
        }
        let r = Double(settings.replicates)
        let seconds = clock.lap()
        let mean = total.sum / r
        var se: Double
        var lower: Double, upper: Double
        if settings.estimator == .plain {
            se = (mean * (1 - mean) / r).squareRoot()
            let wilson = try? WilsonInterval(count: total.failures, trials: settings.replicates)
            lower = wilson?.lower ?? 0
            upper = wilson?.upper ?? 1
        } else {
            let variance = max(0, total.sumSquares / r - mean * mean) * r / max(1, r - 1)
            se = (variance / r).squareRoot()
            lower = max(0, mean - 1.96 * se)
            upper = mean + 1.96 * se
        }
        return GDFailureRow(
            sampleCount: d, replicates: settings.replicates, failures: total.failures, probability: mean,
            standardError: se, lower: lower, upper: upper, meanLargestEigenvalue: total.lambda / r,
            meanObservedCoordinates: total.observed / r, seconds: seconds,
            replicatesPerMinute: seconds > 0 ? r / seconds * 60 : 0)
    }
}
