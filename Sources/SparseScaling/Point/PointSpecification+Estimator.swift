extension PointSpecification {
    /// Checks that the loss estimator goes with the rest: the conditional mean needs sparse data,
    /// linear features, the reduced solver and no ridge (docs/theory.md §6.1; label noise is allowed,
    /// `ConditionalNoiseTraces`). Throws a `ParameterError` naming the estimator.
    public func checkEstimatorCombination() throws {
        guard estimator == .conditional else { return }
        let reason = "the conditional mean (docs/theory.md §6.1) is computed for sparse data, linear features and the reduced solver"
        if data != .sparse {
            throw ParameterError.incompatible(parameter: .lossEstimator, value: "conditional", allowed: "sample",
                                              other: .dataKind, otherValue: data.rawValue, reason: reason)
        }
        if features != .linear {
            throw ParameterError.incompatible(parameter: .lossEstimator, value: "conditional", allowed: "sample",
                                              other: .featureMap, otherValue: features.rawValue, reason: reason)
        }
        if solver != .reduced {
            throw ParameterError.incompatible(parameter: .lossEstimator, value: "conditional", allowed: "sample",
                                              other: .solver, otherValue: solver.rawValue, reason: reason)
        }
        if ridge != 0 {
            throw ParameterError.incompatible(parameter: .lossEstimator, value: "conditional", allowed: "sample",
                                              other: .ridge, otherValue: "\(ridge)", reason: "the conditional mean is for the ridgeless readout")
        }

    }

    /// Why the conditional estimator cannot measure this point ("dense data", "relu features",
    /// "direct solver", "ridge 0.1"), or nil when it can.
    public var conditionalInapplicability: String? {
        if data != .sparse { return "\(data.rawValue) data" }
        if features != .linear { return "\(features.rawValue) features" }
        if solver != .reduced { return "\(solver.rawValue) solver" }
        if ridge != 0 { return "ridge \(ridge)" }
        return nil
    }
}
