/// Which algorithm trains the readout.
public enum SolverKind: String, Sendable, Codable, CaseIterable {
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
}
