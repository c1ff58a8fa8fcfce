/// The step size of one-pass SGD at step t (0-based): constant η, or η/(1 + t/t₀) (inverse-time
/// decay, which turns the constant-step noise floor into a decaying one at the price of slower
/// early progress once t ≫ t₀).
public struct OnlineStepSchedule: Sendable, Hashable, Codable {
    /// η, the step at t = 0.
    public var initial: Double
    /// t₀, the decay scale (nil: constant η).
    public var decayScale: Double?

    /// A schedule with step `initial` decaying with scale `decayScale` (nil: constant).
    public init(initial: Double, decayScale: Double? = nil) {
        self.initial = initial
        self.decayScale = decayScale
    }

    /// η_t.
    @inline(__always)
    public func step(at t: Int) -> Double {
        guard let t0 = decayScale else { return initial }
        return initial / (1 + Double(t) / t0)
    }

    /// A readable description, e.g. "η = 0.25" or "η = 0.25/(1 + t/1000)".
    public var description: String {
        decayScale.map { "η = \(initial)/(1 + t/\($0))" } ?? "η = \(initial)"
    }
}
