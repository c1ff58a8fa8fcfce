/// A named input of the model or of an experiment, as errors report it. Libraries name parameters;
/// a user interface maps each to its own spelling (the command line to its flag).
public enum Parameter: String, Sendable, Hashable, CaseIterable {
    /// Amplitude exponent α.
    case alpha
    /// Activation exponent β.
    case beta
    /// Input dimension M.
    case inputDimension
    /// Number of random features N (model size).
    case featureCount
    /// Number of training samples D (data size).
    case sampleCount
    /// Ridge λ_r.
    case ridge
    /// Relative singular-value tolerance of the pseudoinverse.
    case tolerance
    /// The tail-loss estimator.
    case tailEstimator
    /// The readout's solver.
    case solver
    /// The feature map (linear or ReLU).
    case featureMap
    /// Exponent a of the compute cost N^a·D^b.
    case computeA
    /// Exponent b of the compute cost N^a·D^b.
    case computeB
    /// Replicates R of a Monte-Carlo estimate.
    case replicates
    /// Failure threshold τ on λ_max(F Fᵀ/D).
    case threshold
    /// The GD-failure probability estimator (plain or importance sampling).
    case failureEstimator
    /// The loss estimator of a point (one draw or the conditional mean given the data).
    case lossEstimator
    /// The sampler of sparse training data (per-sample or sublinear).
    case sampler
    /// The data distribution (sparse or dense).
    case dataKind
    /// Label-noise standard deviation σ.
    case labelNoise
    /// Step size η of one-pass SGD.
    case stepSize
    /// Decay scale t₀ of one-pass SGD's step schedule.
    case stepDecay
    /// The relative gradient norm at which iterative solvers stop.
    case gradientTolerance
    /// The iteration (epoch) cap of iterative solvers.
    case maxIterations
    /// The minibatch size of SGD.
    case batchSize
    /// Fresh test samples of a Monte-Carlo loss.
    case testSamples

    /// The parameter's mathematical or plain-words name.
    public var symbol: String {
        switch self {
        case .alpha: return "α"
        case .beta: return "β"
        case .inputDimension: return "M"
        case .featureCount: return "N"
        case .sampleCount: return "D"
        case .ridge: return "λ_r"
        case .tolerance: return "the pseudoinverse tolerance"
        case .tailEstimator: return "the tail estimator"
        case .solver: return "the solver"
        case .featureMap: return "the feature map"
        case .computeA: return "the compute exponent a"
        case .computeB: return "the compute exponent b"
        case .replicates: return "R"
        case .threshold: return "τ"
        case .failureEstimator: return "the failure estimator"
        case .lossEstimator: return "the loss estimator"
        case .sampler: return "the data sampler"
        case .dataKind: return "the data distribution"
        case .labelNoise: return "σ"
        case .stepSize: return "η"
        case .stepDecay: return "the step-decay scale t₀"
        case .gradientTolerance: return "the gradient tolerance"
        case .maxIterations: return "the iteration cap"
        case .batchSize: return "the minibatch size"
        case .testSamples: return "the number of test samples"
        }
    }
}
