/// Nesterov-accelerated gradient descent on (1/2D)‖vF − y‖² from v = 0 with step 1/L̂
/// (L̂ = λ_max(F Fᵀ/D) by power iteration, times a 1 % safety margin) and O'Donoghue–Candès
/// gradient-based adaptive restart: momentum is reset whenever ∇f(y_k)·(v_{k+1} − v_k) > 0.
/// Stays in the row space of F, so it converges to the minimum-norm solution y F⁺.
public struct NesterovAcceleratedGradient: Sendable {
    /// Stopping rule.
    public var limits: IterationLimits
    /// The step (nil: 1/(1.01·L̂)).
    public var stepSize: Double?

    /// A solver with the given limits.
    public init(stepSize: Double? = nil, limits: IterationLimits = IterationLimits()) {
        self.stepSize = stepSize
        self.limits = limits
    }

    /// Runs the iteration on `problem`, recording the curve as `recording` asks.
    public func solve(_ problem: ReadoutLeastSquaresProblem, recording: CurveRecording = CurveRecording()) -> IterativeSolution {
        let n = problem.featureCount
        let step = stepSize ?? 1 / (1.01 * problem.largestCurvature())
        var x = [Double](repeating: 0, count: n)  // v_k
        var theta = 1.0
        var restarts = 0
        var next = x
        // The monitored readout is the extrapolated point y, where the gradient is taken.
        var solution = IterationMonitor.runFullBatch(problem, from: x, stepSize: step, limits: limits, recording: recording) { y, g in
            var progress = 0.0
            for j in 0..<n {
                next[j] = y[j] - step * g[j]
                progress += g[j] * (next[j] - x[j])
            }
            let thetaNext = (1 + (1 + 4 * theta * theta).squareRoot()) / 2
            if progress > 0 {
                // Gradient restart: the momentum points uphill; drop it.
                restarts += 1
                theta = 1
                y = next
            } else {
                let momentum = (theta - 1) / thetaNext
                for j in 0..<n { y[j] = next[j] + momentum * (next[j] - x[j]) }
                theta = thetaNext
            }
            swap(&x, &next)
        }
        solution.restarts = restarts
        return solution
    }
}
