import SparseScaling

/// One performance target of the bench and whether this run met it.
public struct BenchmarkVerdict: Sendable, Encodable {
    /// The target, in words.
    public var target: String
    /// true: met; false: missed; nil: not measured in this run.
    public var met: Bool?
    /// The measured value that decides it.
    public var detail: String

    /// A verdict from its parts.
    public init(target: String, met: Bool?, detail: String) {
        self.target = target
        self.met = met
        self.detail = detail
    }

    /// "PASS", "FAIL" or "n/a".
    public var label: String { met.map { $0 ? "PASS" : "FAIL" } ?? "n/a" }
}
