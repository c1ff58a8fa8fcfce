extension PointSpecification {
    /// Refuses a setting that the point's route would ignore (a tolerance with a ridge, a batch size
    /// without sgd, …), so that no parameter is ever accepted without effect. Throws a `ParameterError`
    /// naming the setting.
    public func checkUnusedSettings() throws {
        let defaults = OptimizationSettings()
        let route = PointRoute.of(self, streamingBytes: .infinity)
        let iterative = solver == .gd || solver == .nesterov || solver == .sgd
        if let tolerance, let reason = toleranceUnused(route: route) {
            throw ParameterError.invalid(
                parameter: .tolerance, value: "\(tolerance)", allowed: "no tolerance here: \(reason)")
        }
        if tail == .realized, let reason = realizedTailUnused(route: route) {
            throw ParameterError.invalid(parameter: .tailEstimator, value: "realized", allowed: "'expected' here: \(reason)")
        }
        let o = optimization
        if let eta = o.stepSize, !(iterative || solver == .online) {
            throw unused(.stepSize, "\(eta)", "it sets the step of gd, nesterov, sgd and online, not of the \(solver.rawValue) solver")
        }
        if let decay = o.stepDecay, solver != .online {
            throw unused(.stepDecay, "\(decay)", "it sets the online solver's step decay")
        }
        if !iterative, o.gradientTolerance != defaults.gradientTolerance {
            throw unused(.gradientTolerance, "\(o.gradientTolerance)", "it stops gd, nesterov and sgd")
        }
        if !iterative, o.maxIterations != defaults.maxIterations {
            throw unused(.maxIterations, "\(o.maxIterations)", "it caps gd, nesterov and sgd")
        }
        if solver != .sgd, o.batchSize != defaults.batchSize {
            throw unused(.batchSize, "\(o.batchSize)", "it sets sgd's minibatch")
        }
        if features != .relu, o.testSamples != defaults.testSamples {
            throw unused(.testSamples, "\(o.testSamples)", "the loss of linear features is exact; test samples estimate ReLU losses")
        }
    }

    /// Why the singular-value tolerance does not act on this point, or nil when it does.
    private func toleranceUnused(route: PointRoute) -> String? {
        if ridge != 0 { return "a ridge λ_r > 0 solves a regularized system without a singular-value cutoff" }
        switch route {
        case .reducedInMemory, .reducedStreamed, .direct: return nil
        case .relu: return solver == .direct ? nil : "\(solver.rawValue) trains iteratively, without a pseudoinverse"
        case .conditional: return "the conditional estimator uses the rank of A, not a pseudoinverse of F"
        case .reducedIterative, .sampleSGD, .online: return "\(solver.rawValue) trains iteratively, without a pseudoinverse"
        }
    }

    /// Why the realized tail does not differ from the expected one here, or nil when it does.
    private func realizedTailUnused(route: PointRoute) -> String? {
        if data == .dense { return "dense data observe every coordinate, so there is no tail" }
        switch route {
        case .relu: return "the ReLU loss is a Monte-Carlo estimate over all coordinates"
        case .conditional: return "the conditional estimator averages over the embedding, tail included"
        case .online: return "one-pass SGD reports the expected tail"
        case .reducedInMemory, .reducedStreamed, .direct, .reducedIterative, .sampleSGD: return nil
        }
    }

    private func unused(_ parameter: Parameter, _ value: String, _ reason: String) -> ParameterError {
        .invalid(parameter: parameter, value: value, allowed: "no value with this point: \(reason)")
    }
}
