import SparseScaling

/// One line of the bench table: a measured time, its baseline where there is one, and its cost in
/// flops and memory. Fields that do not apply are nil (null in JSON).
package struct BenchmarkRow: Sendable, Codable {
    /// What was measured.
    package var name: String
    /// Number of features N.
    @NullWhenAbsent package var n: Int? = nil
    /// Number of samples D.
    @NullWhenAbsent package var d: Int? = nil
    /// Input dimension M (nil for M = ∞ or when not applicable).
    @NullWhenAbsent package var m: Int? = nil
    /// Our wall-clock seconds.
    @NullWhenAbsent package var seconds: Double? = nil
    /// CPU seconds (user + system) of our measurement: the parallelism actually obtained is cpu/seconds.
    @NullWhenAbsent package var cpuSeconds: Double? = nil
    /// The baseline's seconds (direct solver, NumPy).
    @NullWhenAbsent package var baselineSeconds: Double? = nil
    /// baseline_seconds / seconds (how many times faster we are).
    @NullWhenAbsent package var ratio: Double? = nil
    /// Achieved GFLOP/s (kernels).
    @NullWhenAbsent package var gflops: Double? = nil
    /// gflops / the measured dgemm peak.
    @NullWhenAbsent package var peakFraction: Double? = nil
    /// Peak RSS of the process that measured the row, in MiB.
    @NullWhenAbsent package var rssMegabytes: Double? = nil
    /// |L − L_baseline| / |L_baseline| where both losses are of the same instance.
    @NullWhenAbsent package var lossRelativeDifference: Double? = nil
    /// Seconds of the data stream (sampling + second moment), for reduced-solver rows.
    @NullWhenAbsent package var streamSeconds: Double? = nil
    /// Seconds of the dense part (factorization + product + SVD), for reduced-solver rows.
    @NullWhenAbsent package var denseSeconds: Double? = nil
    /// Observed coordinates K, for reduced-solver rows.
    @NullWhenAbsent package var observedCount: Int? = nil
    /// z of a paired difference of means (estimator agreement rows).
    @NullWhenAbsent package var pairedZ: Double? = nil
    /// The 16% and 84% quantiles of `ratio` under a seed bootstrap (estimator comparison rows).
    @NullWhenAbsent package var ratioLow: Double? = nil
    @NullWhenAbsent package var ratioHigh: Double? = nil
    /// A remark (skips, failures, what the baseline is).
    @NullWhenAbsent package var note: String? = nil

    /// A row with the given name; set the other fields as measured.
    package init(name: String, n: Int? = nil, d: Int? = nil, m: Int? = nil) {
        self.name = name
        self.n = n
        self.d = d
        self.m = m
    }

    /// A row of our measurement `measured`: its seconds, CPU seconds, peak RSS and, for reduced-solver
    /// profiles, the stream and dense seconds and K; its error, if any, as the note.
    package init(name: String, n: Int? = nil, d: Int? = nil, m: Int? = nil, measured: BenchmarkMeasurement) {
        self.init(name: name, n: n, d: d, m: m)
        seconds = measured.seconds
        cpuSeconds = measured.cpuSeconds
        rssMegabytes = measured.rssMegabytes
        streamSeconds = measured.profile?.streaming
        denseSeconds = measured.profile?.dense
        observedCount = measured.profile?.observedCount
        note = measured.error
    }

    enum CodingKeys: String, CodingKey {
        case name, n, d, m, seconds, ratio, gflops, note
        case baselineSeconds = "baseline_seconds", peakFraction = "peak_fraction", rssMegabytes = "rss_mb"
        case lossRelativeDifference = "loss_relative_difference", streamSeconds = "stream_seconds"
        case denseSeconds = "dense_seconds", observedCount = "k", cpuSeconds = "cpu_seconds", pairedZ = "paired_z"
        case ratioLow = "ratio_16", ratioHigh = "ratio_84"
    }
}
