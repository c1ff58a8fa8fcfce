extension PointSpecification {
    /// Checks that the solver goes with the features and the ridge (the one place that does): the
    /// reduced solver needs linear features, and the iterative solvers train the ridgeless objective.
    /// The sublinear sampler draws equivalent columns, not samples: only sparse data with linear features
    /// and the reduced solver (which depend on the data only through A and S) can use it.
    /// Throws a `ParameterError` naming the solver, the ridge or the sampler.
    public func checkSolverCombination() throws {
        if solver.isIterative, ridge != 0 {
            throw ParameterError.invalid(
                parameter: .ridge, value: "\(ridge)",
                allowed: "0 with the iterative solvers gd, nesterov and sgd (they train the ridgeless objective)")
        }
        if solver == .online {
            if ridge != 0 {
                throw ParameterError.invalid(parameter: .ridge, value: "\(ridge)", allowed: "0 with the online solver (one-pass SGD has no ridge)")
            }
            if features == .relu {
                throw ParameterError.incompatible(
                    parameter: .solver, value: "online", allowed: "direct (pseudoinverse), nesterov, gd or sgd",
                    other: .featureMap, otherValue: "relu", reason: "one-pass SGD's exact loss needs linear features")
            }
            if data == .dense {
                throw ParameterError.incompatible(
                    parameter: .solver, value: "online", allowed: "reduced, direct, gd, nesterov or sgd",
                    other: .dataKind, otherValue: "dense", reason: "one-pass SGD streams sparse samples")
            }
        }
        if features == .relu, solver == .reduced {
            throw ParameterError.incompatible(
                parameter: .solver, value: "reduced", allowed: "direct (pseudoinverse), nesterov, gd or sgd",
                other: .featureMap, otherValue: "relu", reason: "ReLU features do not reduce")
        }
        if sampler == .sublinear, data != .sparse || features != .linear || solver != .reduced {
            throw ParameterError.invalid(
                parameter: .sampler, value: sampler.rawValue,
                allowed: "per-sample here: the sublinear sampler needs sparse data, linear features and the reduced solver")
        }
    }
}
