import SparseScaling

/// One performance target of the bench and whether this run met it.
package struct BenchmarkVerdict: Sendable, Codable {
    /// The target, in words.
    package var target: String
    /// true: met; false: missed; nil: not measured in this run.
    package var met: Bool?
    /// The measured value that decides it.
    package var detail: String

    /// A verdict from its parts.
    package init(target: String, met: Bool?, detail: String) {
        self.target = target
        self.met = met
        self.detail = detail
    }

    /// "PASS", "FAIL" or "n/a".
    package var label: String { met.map { $0 ? "PASS" : "FAIL" } ?? "n/a" }
}
