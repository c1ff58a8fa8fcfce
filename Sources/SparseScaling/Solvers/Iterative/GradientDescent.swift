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
        let start = [Double](repeating: 0, count: problem.featureCount)
        return IterationMonitor.runFullBatch(problem, from: start, stepSize: eta, limits: limits, recording: recording) { v, g in
            for j in v.indices { v[j] -= eta * g[j] }
        }
    }
}
