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
    /// Runs a full-batch method on `problem` from `start` until the monitor stops it: each iteration
    /// checks the loss and relative gradient norm at the readout, then `update` moves the readout
    /// given the gradient there. Relative gradients are measured against the gradient norm at `start`.
    static func runFullBatch(
        _ problem: ReadoutLeastSquaresProblem, from start: [Double], stepSize: Double, limits: IterationLimits,
        recording: CurveRecording, update: (_ readout: inout [Double], _ gradient: [Double]) -> Void
    ) -> IterativeSolution {
        var readout = start
        var residual = problem.residual(readout)
        var monitor = IterationMonitor(limits: limits, recording: recording, initialLoss: problem.loss(residual: residual))
        var gradient = problem.gradient(residual: residual)
        let g0 = BLAS.dot(gradient, gradient).squareRoot()
        var relative = g0 > 0 ? 1.0 : 0.0
        var k = 0
        var reason = StoppingReason.iterationCap
        while true {
            let loss = problem.loss(residual: residual)
            if let stop = monitor.check(iteration: k, loss: loss, relativeGradient: relative, readout: readout) {
                reason = stop
                break
            }
            update(&readout, gradient)
            k += 1
            residual = problem.residual(readout)
            gradient = problem.gradient(residual: residual)
            relative = g0 > 0 ? BLAS.dot(gradient, gradient).squareRoot() / g0 : 0
        }
        return monitor.solution(
            readout: readout, iterations: k, reason: reason, stepSize: stepSize, relativeGradient: relative,
            finalLoss: problem.loss(residual: residual))
    }
}
