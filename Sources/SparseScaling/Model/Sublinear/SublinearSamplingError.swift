/// A runtime failure of the sublinear sampler (not expected for valid input; reported, not trapped).
public struct SublinearSamplingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The size s of the support whose samples' sum Σ x xᵀ (s × s) LAPACK could not factor.
    public let supportSize: Int
    /// LAPACK's reason.
    public let reason: String

    /// One line: what failed and why.
    public var description: String {
        "the sublinear sampler could not factor the \(supportSize) × \(supportSize) sum of one support's samples: \(reason)"
    }
}
