import CNLopt

/// One local minimization by NLopt within box bounds: L-BFGS (`NLOPT_LD_LBFGS`) when the objective has an
/// analytic gradient, BOBYQA (`NLOPT_LN_BOBYQA`, derivative-free quadratic models) when it has not.
struct LocalMinimizer: Sendable {
    /// Which NLopt algorithm runs.
    enum Method: Sendable { case lbfgs, bobyqa }

    /// The algorithm.
    var method: Method
    /// Lower and upper bounds of each coordinate.
    var lower: [Double], upper: [Double]
    /// Relative tolerance on θ and on the objective, and the cap on objective evaluations.
    var parameterTolerance = 1e-10, objectiveTolerance = 1e-14, maxEvaluations = 3000

    /// The objective: f(θ), writing ∇f into the second argument when it is non-nil.
    typealias Objective = (UnsafePointer<Double>, UnsafeMutablePointer<Double>?) -> Double

    /// Minimizes `objective` from `start` (clamped into the bounds); returns the best θ and f(θ).
    /// A stop by tolerance, evaluation cap or round-off is a result; only a refused setup throws.
    func minimize(from start: [Double], _ objective: @escaping Objective) throws(CalibrationError) -> (theta: [Double], value: Double) {
        let dimension = start.count
        let algorithm = method == .lbfgs ? NLOPT_LD_LBFGS : NLOPT_LN_BOBYQA
        guard let opt = nlopt_create(algorithm, UInt32(dimension)) else { throw .optimizerFailed("nlopt_create returned nil") }
        defer { nlopt_destroy(opt) }
        let box = ObjectiveBox(objective)
        let context = Unmanaged.passRetained(box)
        defer { context.release() }
        let callback: nlopt_func = { _, x, gradient, data in
            let box = Unmanaged<ObjectiveBox>.fromOpaque(data!).takeUnretainedValue()
            let value = box.objective(x!, gradient)
            return value.isFinite ? value : Double.greatestFiniteMagnitude
        }
        var statuses = [
            nlopt_set_min_objective(opt, callback, context.toOpaque()),
            lower.withUnsafeBufferPointer { nlopt_set_lower_bounds(opt, $0.baseAddress) },
            upper.withUnsafeBufferPointer { nlopt_set_upper_bounds(opt, $0.baseAddress) },
            nlopt_set_xtol_rel(opt, parameterTolerance), nlopt_set_ftol_rel(opt, objectiveTolerance),
            nlopt_set_maxeval(opt, Int32(maxEvaluations)),
        ]
        if method == .bobyqa {
            let steps = (0..<dimension).map { min(0.5, 0.25 * (upper[$0] - lower[$0])) }
            statuses.append(steps.withUnsafeBufferPointer { nlopt_set_initial_step(opt, $0.baseAddress) })
        }
        if let refused = statuses.first(where: { $0.rawValue <= 0 }) {
            throw .optimizerFailed("NLopt refused the setup (status \(refused.rawValue))")
        }
        var x = (0..<dimension).map { min(max(start[$0], lower[$0]), upper[$0]) }
        var value = Double.infinity
        let result = nlopt_optimize(opt, &x, &value)
        if result.rawValue < 0, result != NLOPT_ROUNDOFF_LIMITED, result != NLOPT_FAILURE {
            throw .optimizerFailed("NLopt status \(result.rawValue)")
        }
        // NLopt returns the best point it evaluated, also after a round-off or generic failure stop.
        return (x, value)
    }
}

/// The Swift closure behind NLopt's C callback (passed as its `void *` data).
private final class ObjectiveBox {
    let objective: LocalMinimizer.Objective
    init(_ objective: @escaping LocalMinimizer.Objective) { self.objective = objective }
}
