/// Wall-clock seconds and nominal flops of the BLAS/LAPACK kernels a computation ran, by kernel name,
/// for benchmarks that report each dense kernel's rate against the machine's peak.
public final class KernelTimer: @unchecked Sendable {
    /// One kernel's totals.
    public struct Entry: Sendable, Codable, Equatable {
        /// The kernel's name (e.g. "dsyrk").
        public var name: String
        /// Seconds spent in it.
        public var seconds = 0.0
        /// Nominal floating-point operations it performed.
        public var flops = 0.0
        /// How many times it ran.
        public var calls = 0
    }

    private var totals: [Entry] = []

    /// An empty timer.
    public init() {}

    /// The kernels in the order they first ran.
    public var entries: [Entry] { totals }

    /// Runs `body`, adding its wall-clock time and `flops` to the kernel `name` when `timer` is not nil.
    @inline(__always)
    public static func measure<T>(_ timer: KernelTimer?, _ name: String, flops: Double, _ body: () throws -> T) rethrows -> T {
        guard let timer else { return try body() }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        timer.add(name, seconds: seconds, flops: flops)
        return result
    }

    private func add(_ name: String, seconds: Double, flops: Double) {
        if let i = totals.firstIndex(where: { $0.name == name }) {
            totals[i].seconds += seconds
            totals[i].flops += flops
            totals[i].calls += 1
        } else {
            totals.append(Entry(name: name, seconds: seconds, flops: flops, calls: 1))
        }
    }
}
