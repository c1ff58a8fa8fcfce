import SparseScaling

/// One line of the bench table: a measured time, its baseline where there is one, and its cost in
/// flops and memory. Fields that do not apply are nil (null in JSON).
public struct BenchmarkRow: Sendable, Encodable {
    /// What was measured.
    public var name: String
    /// Number of features N.
    public var n: Int?
    /// Number of samples D.
    public var d: Int?
    /// Input dimension M (nil for M = ∞ or when not applicable).
    public var m: Int?
    /// Our wall-clock seconds.
    public var seconds: Double?
    /// CPU seconds (user + system) of our measurement: the parallelism actually obtained is cpu/seconds.
    public var cpuSeconds: Double?
    /// The baseline's seconds (direct solver, NumPy).
    public var baselineSeconds: Double?
    /// baseline_seconds / seconds (how many times faster we are).
    public var ratio: Double?
    /// Achieved GFLOP/s (kernels).
    public var gflops: Double?
    /// gflops / the measured dgemm peak.
    public var peakFraction: Double?
    /// Peak RSS of the process that measured the row, in MiB.
    public var rssMegabytes: Double?
    /// |L − L_baseline| / |L_baseline| where both losses are of the same instance.
    public var lossRelativeDifference: Double?
    /// Seconds of the data stream (sampling + second moment), for reduced-solver rows.
    public var streamSeconds: Double?
    /// Seconds of the dense part (factorization + product + SVD), for reduced-solver rows.
    public var denseSeconds: Double?
    /// Observed coordinates K, for reduced-solver rows.
    public var observedCount: Int?
    /// A remark (skips, failures, what the baseline is).
    public var note: String?

    /// A row with the given name; set the other fields as measured.
    public init(name: String, n: Int? = nil, d: Int? = nil, m: Int? = nil) {
        self.name = name
        self.n = n
        self.d = d
        self.m = m
    }

    /// A row of our measurement `measured`: its seconds, CPU seconds, peak RSS and, for reduced-solver
    /// profiles, the stream and dense seconds and K; its error, if any, as the note.
    public init(name: String, n: Int? = nil, d: Int? = nil, m: Int? = nil, measured: BenchmarkMeasurement) {
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
        case denseSeconds = "dense_seconds", observedCount = "k", cpuSeconds = "cpu_seconds"
    }

    public func encode(to encoder: Encoder) throws {
        // Every key is written, absent values as null, so consumers see one fixed schema.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(n, forKey: .n)
        try c.encode(d, forKey: .d)
        try c.encode(m, forKey: .m)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(cpuSeconds, forKey: .cpuSeconds)
        try c.encode(baselineSeconds, forKey: .baselineSeconds)
        try c.encode(ratio, forKey: .ratio)
        try c.encode(gflops, forKey: .gflops)
        try c.encode(peakFraction, forKey: .peakFraction)
        try c.encode(rssMegabytes, forKey: .rssMegabytes)
        try c.encode(lossRelativeDifference, forKey: .lossRelativeDifference)
        try c.encode(streamSeconds, forKey: .streamSeconds)
        try c.encode(denseSeconds, forKey: .denseSeconds)
        try c.encode(observedCount, forKey: .observedCount)
        try c.encode(note, forKey: .note)
    }
}
