import Foundation

/// How an iterative solver's run ended: the iterations (epochs for SGD) it took, whether the relative
/// gradient norm reached the tolerance before the cap, and that final norm.
public struct Convergence: Sendable, Codable, Hashable {
    /// Iterations (gd, nesterov) or epochs (sgd) performed.
    public var iterations: Int
    /// Whether ‖gradient‖ / ‖initial gradient‖ fell below the tolerance before the iteration cap.
    public var converged: Bool
    /// The final ‖gradient‖ / ‖initial gradient‖.
    public var relativeGradientNorm: Double
    /// The step size η the run used (given, or estimated by power iteration); nil in records made before it was kept.
    public var stepSize: Double?

    /// The record of a finished (not diverged) run.
    public init(_ run: IterativeSolution) {
        iterations = run.iterations
        converged = run.stoppingReason == .converged
        relativeGradientNorm = run.relativeGradientNorm
        stepSize = run.stepSize
    }

    /// One line for stderr when the run stopped at its cap, e.g. "warning: gd stopped at the iteration cap …".
    public func warning(solver: SolverKind, tolerance: Double) -> String? {
        guard !converged else { return nil }
        let unit = solver == .sgd ? "epoch" : "iteration"
        return "warning: \(solver.rawValue) did not converge: stopped at the \(unit) cap (\(iterations) \(unit)s) with relative gradient norm "
            + "\(String(format: "%.3g", relativeGradientNorm)) > tolerance \(String(format: "%.3g", tolerance)); "
            + "the loss is that of an unconverged readout (raise the iteration cap or the step size)"
    }
}
