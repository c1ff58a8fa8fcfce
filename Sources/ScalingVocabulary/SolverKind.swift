/// Which algorithm trains the readout; stored as its raw value.
public enum SolverKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// The exact reduced minimum-norm solver (cost independent of D and M).
    case reduced
    /// The dense pseudoinverse of F = W X (the paper's method).
    case direct
    /// Full-batch gradient descent from v = 0 with a fixed step.
    case gd
    /// Nesterov-accelerated gradient descent with O'Donoghue–Candès adaptive restart.
    case nesterov
    /// Minibatch stochastic gradient descent.
    case sgd
    /// One-pass SGD (docs/theory.md §7.3): each of the D samples used once, in order; D is the number of steps.
    case online

    /// True for gd, nesterov and sgd, which approach the minimum-norm readout by iterating.
    public var isIterative: Bool { self == .gd || self == .nesterov || self == .sgd }
}
