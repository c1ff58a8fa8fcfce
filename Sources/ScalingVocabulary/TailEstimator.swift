/// How the loss on coordinates never seen in training (i ∉ S) is obtained; stored as its raw value.
public enum TailEstimator: String, Sendable, Codable, Hashable, CaseIterable {
    /// E[L_tail | v] = (‖v‖²/N + 1)·Σ_{i∉S} λ_i: same mean as the realized loss, lower variance, any M.
    case expected
    /// The tail actually realized by drawing W's column and w*_i for every i ∉ S, i ≤ M (finite M only).
    case realized
}
