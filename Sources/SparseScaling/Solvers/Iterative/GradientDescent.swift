/// Full-batch gradient descent on (1/2D)‖vF − y‖² from v = 0 with a fixed step η:
/// v ← v − η (1/D)(vF − y)Fᵀ. Converges to y F⁺ iff η·λ_max(F Fᵀ/D) < 2.
public struct GradientDescent: Sendable {
    /// The step η (nil: 1/L̂ with L̂ = λ_max(F Fᵀ/D) from power iteration).
    public var stepSize: Double?
    /// Stopping rule.
    public var limits: IterationLimits

    /// A solver with the given step and limits.
    public init(stepSize: Double? = nil, limits: IterationLimits = IterationLimits()) {
        self.stepSize = stepSize
        self.limits = limits
    }

    /// Runs the iteration on `problem`, recording the curve as `recording` asks.
    public func solve(_ problem: ReadoutLeastSquaresProblem, recording: CurveRecording = CurveRecording()) -> IterativeSolution {
        let eta = stepSize ?? 1 / problem.largestCurvature()
        var v = [Double](repeating: 0, count: problem.featureCount)
        let start = IterationMonitor.start(problem, at: v, limits: limits, recording: recording)
        var monitor = start.monitor, r = start.residual, g = start.gradient
        let g0 = start.initialGradientNorm
        var relative = g0 > 0 ? 1.0 : 0.0
        var k = 0
        var reason = StoppingReason.iterationCap
        while true {
            let loss = problem.loss(residual: r)
            if let stop = monitor.check(iteration: k, loss: loss, relativeGradient: relative, readout: v) {
                reason = stop
                break
            }
            for j in v.indices { v[j] -= eta * g[j] }
            k += 1
            r = problem.residual(v)
            g = problem.gradient(residual: r)
            relative = g0 > 0 ? BLAS.dot(g, g).squareRoot() / g0 : 0
        }
        let finalLoss = problem.loss(residual: r)
        return monitor.solution(
            readout: v, iterations: k, reason: reason, stepSize: eta, relativeGradient: relative, finalLoss: finalLoss)
    }
}
