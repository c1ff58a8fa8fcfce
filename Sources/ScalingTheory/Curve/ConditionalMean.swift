/// The expectation of the loss over W and w* given the data: a finite value, or infinite where
/// the model size sits at the interpolation pole of the instance (docs/theory.md §6.1).
public enum ConditionalMean: Sendable, Hashable, Codable {
    /// A finite expectation.
    case finite(Double)
    /// The expectation does not exist (N ∈ {r − 1, r, r + 1}, or at the approximation's pole).
    case infinite

    /// The finite value, or nil when the mean is infinite.
    public var value: Double? {
        if case let .finite(x) = self { return x }
        return nil
    }
}
