import ArgumentParser
import SparseScaling

extension Parameter {
    /// The command-line flag that sets this parameter.
    var flag: String {
        switch self {
        case .alpha: return "--alpha"
        case .beta: return "--beta"
        case .inputDimension: return "--m"
        case .featureCount: return "--n"
        case .sampleCount: return "--d"
        case .ridge: return "--ridge"
        case .tolerance: return "--tolerance"
        case .tailEstimator: return "--tail"
        case .solver: return "--solver"
        case .featureMap: return "--features"
        case .computeA: return "--compute-a"
        case .computeB: return "--compute-b"
        case .replicates: return "--replicates"
        case .threshold: return "--threshold"
        case .failureEstimator: return "--estimator"
        case .lossEstimator: return "--estimator"
        case .sampler: return "--sampler"
        case .dataKind: return "--data"
        case .labelNoise: return "--noise"
        case .stepSize: return "--eta"
        case .stepDecay: return "--eta-decay"
        case .gradientTolerance: return "--gradient-tolerance"
        case .maxIterations: return "--max-iterations"
        case .batchSize: return "--batch-size"
        case .testSamples: return "--test-samples"
        }
    }
}

extension ParameterError {
    /// The message with the parameter named by its flag.
    var commandLineMessage: String { message(naming: \.flag) }

    /// A usage error (exit status 2) with the message naming the flag.
    var usageError: ValidationError { ValidationError(commandLineMessage) }
}

extension MemoryLimitExceeded {
    /// The refusal in the command line's words: the limit is --max-memory, and (for jobs that run several
    /// points at once) --threads sets how many.
    var commandLineMessage: String {
        "\(job) needs an estimated \(estimate) of memory, over --max-memory \(MemoryEstimate.format(limit)); "
            + (concurrency > 1 ? "use smaller sizes, fewer --threads, or raise --max-memory" : "use smaller sizes or raise --max-memory")
    }
}

extension WorkLimitExceeded {
    /// The refusal in the command line's words: the work grows with N (--n) and the one-pass SGD steps
    /// (--d of `--solver online`, --steps of `experiment online`).
    var commandLineMessage: String {
        "\(job) needs an estimated \(estimate.description) of CPU time, over the limit of 24 h; "
            + "use a smaller --n or fewer steps (--d with --solver online, --steps in experiment online)"
    }
}

extension TrainingDivergence {
    /// The divergence in the command line's words: the step size is --eta.
    var commandLineMessage: String {
        switch self {
        case let .diverged(solver, eta, k):
            if solver == SolverKind.online.rawValue {
                return "online SGD diverged by step \(k) with step \(eta) (non-finite error, or loss above \(OnlineGradientDescent.divergenceFactor) × that of v = 0); lower --eta or set --eta-decay"
            }
            return "\(solver) diverged after \(k) iterations with step \(eta) (η·λ_max(F Fᵀ/D) > 2); lower --eta"
        }
    }
}

/// `error` with a library's parameter names replaced by the flags that set them (a runtime error,
/// exit status 1); other errors unchanged.
func commandLineError(_ error: Error) -> Error {
    switch error {
    case let error as ParameterError: return RuntimeError(error.commandLineMessage)
    case let error as MemoryLimitExceeded: return RuntimeError(error.commandLineMessage)
    case let error as WorkLimitExceeded: return RuntimeError(error.commandLineMessage)
    case let error as TrainingDivergence: return RuntimeError(error.commandLineMessage)
    default: return error
    }
}
