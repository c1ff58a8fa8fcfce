/// The population loss of one-pass SGD after `step` samples (docs/theory.md §7.3): the exact observed part
/// over S_t and the expected tail (‖v‖²/N + 1)·Σ_{i∉S_t} λ_i.
public struct OnlineCheckpoint: Sendable, Codable, Hashable {
    /// t, the number of samples used so far.
    public var step: Int
    /// Σ_{i∈S_t} λ_i ((W_iᵀv) − w*_i)².
    public var lossObserved: Double
    /// (‖v‖²/N + 1)·Σ_{i∉S_t} λ_i.
    public var lossTail: Double
    /// K_t = |S_t|, the coordinates seen so far.
    public var observedCoordinates: Int

    /// The excess population loss (observed part + expected tail).
    public var loss: Double { lossObserved + lossTail }
}

/// How a one-pass SGD run ended.
public enum OnlineStatus: String, Sendable, Codable, Hashable {
    /// Every step ran and every checkpoint's loss was finite and bounded.
    case completed
    /// The error became non-finite or the loss exceeded `OnlineGradientDescent.divergenceFactor` × Σλ
    /// (the loss of v = 0); the run stopped there.
    case diverged
}

/// The result of one run of one-pass SGD: its loss curve at the checkpoints reached, how it ended,
/// and the final readout.
public struct OnlineRun: Sendable, Codable {
    /// The checkpoints reached, ascending (step 0 is v = 0). After a divergence the curve ends at the
    /// last finite checkpoint before it.
    public var checkpoints: [OnlineCheckpoint]
    /// Completed or diverged.
    public var status: OnlineStatus
    /// The step at which divergence was detected (nil when completed).
    public var divergedAtStep: Int?
    /// The readout after the last step (or at the last checkpoint before divergence).
    public var readout: [Double]
    /// The step schedule used.
    public var schedule: OnlineStepSchedule
    /// Wall-clock seconds of the run.
    public var seconds: Double
}
