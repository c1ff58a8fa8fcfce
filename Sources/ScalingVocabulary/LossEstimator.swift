/// What a point reports as its loss; stored as its raw value (in the configuration only when not `sample`).
public enum LossEstimator: String, Sendable, Codable, Hashable, CaseIterable {
    /// The population loss of one draw: one embedding W and teacher w*, the readout trained on them.
    case sample
    /// E[L | data] over W and w* (docs/theory.md §6.1), exact for N ≥ r + 2 with no embedding and no
    /// readout; one draw as `sample` where N < r + 2. Same expectation as `sample`, no W or w* noise.
    case conditional
}
