import LinearAlgebra

/// Records an iterative solver's loss curve and applies the one stopping rule they all share:
/// divergence, convergence of the relative gradient norm, or the iteration cap.
struct IterationMonitor {
    /// The stopping rule.
    let limits: IterationLimits
    /// Which iterations to record.
    let recording: CurveRecording
    /// The loss at v = 0, the scale of the divergence test.
    let initialLoss: Double
    /// The recorded curve.
    var curve = LossCurve()

    /// Records iteration `k` (empirical loss `loss` at readout `readout`) and returns why to stop now,
    /// or nil to go on.
    mutating func check(iteration k: Int, loss: Double, relativeGradient: Double, readout: [Double]) -> StoppingReason? {
        if recording.wantsEmpirical(k) || k == 0 { curve.record(iteration: k, empiricalLoss: loss) }
        if recording.wantsPopulation(k) { curve.record(iteration: k, populationLoss: recording.populationLoss!(readout)) }
        if !loss.isFinite || loss > 1e12 * max(initialLoss, .leastNormalMagnitude) { return .diverged }
        if relativeGradient < limits.gradientTolerance { return .converged }
        if k >= limits.maxIterations { return .iterationCap }
        return nil
    }

    /// The solution at the stop, with the final loss on the curve (recorded if not there yet).
    func solution(
        readout: [Double], iterations k: Int, reason: StoppingReason, stepSize: Double, relativeGradient: Double,
        finalLoss: Double, restarts: Int = 0
    ) -> IterativeSolution {
        var curve = self.curve
        if curve.iterations.last != k { curve.record(iteration: k, empiricalLoss: finalLoss) }
        return IterativeSolution(
            readout: readout, iterations: k, stoppingReason: reason, stepSize: stepSize, relativeGradientNorm: relativeGradient,
            empiricalLoss: finalLoss, restarts: restarts, curve: curve)
    }
}

extension IterationMonitor {
    /// A full-batch run started at `x` on `problem`: the monitor (primed with the loss at `x`), the
    /// residual and gradient at `x`, and the gradient norm that relative gradients are measured against.
    static func start(
        _ problem: ReadoutLeastSquaresProblem, at x: [Double], limits: IterationLimits, recording: CurveRecording
    ) -> (monitor: IterationMonitor, residual: [Double], gradient: [Double], initialGradientNorm: Double) {
        let residual = problem.residual(x)
        let monitor = IterationMonitor(limits: limits, recording: recording, initialLoss: problem.loss(residual: residual))
        let gradient = problem.gradient(residual: residual)
        return (monitor, residual, gradient, BLAS.dot(gradient, gradient).squareRoot())
    }
}
