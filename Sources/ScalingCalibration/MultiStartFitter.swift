import Foundation

/// The multi-start Huber fit of Chinchilla's Approach 3: the objective Σ_i w_i ρ_δ(ln L̂_i − ln L_i) is
/// evaluated at every grid start, the `refinedStarts` best are refined by NLopt (L-BFGS with the analytic
/// gradient for the additive law; BOBYQA for the joined law), and the lowest local minimum is the fit.
/// Weights are run multiplicities: a bootstrap resample or a cross-validation fold reuses the same runs.
public struct MultiStartFitter: Sendable {
    /// The starting points.
    public var grid: StartGrid
    /// How many of the grid's starts (the lowest objectives) are refined; nil refines all of them.
    public var refinedStarts: Int?
    /// The loss on log residuals.
    public var huber: HuberLoss

    /// A fitter over `grid`, refining the best `refinedStarts` starts (nil: all).
    public init(grid: StartGrid = .chinchilla, refinedStarts: Int? = nil, huber: HuberLoss = HuberLoss()) {
        self.grid = grid
        self.refinedStarts = refinedStarts
        self.huber = huber
    }

    /// Bounds of θ, with A, B, E in units of the table's geometric-mean loss s (`LogRuns`): ln A, ln B ∈ [−20, 80],
    /// ln E ∈ [−10, 5], a, b ∈ [0, 5] (b ≥ 0.02 in the joined law, which needs Γ(b)), ln c ∈ [−100, 30]: at ln c = −100
    /// the join term 1 − Q(b, z) ≈ z^b/Γ(b + 1) is below 10⁻¹³ for b ≥ 0.35 where z is within e^14 of c (at −30
    /// it was ~10⁻⁴, so the additive limit was not the additive law).
    static let additiveLower = [-20.0, -20, -10, 0, 0], additiveUpper = [80.0, 80, 5, 5, 5]
    static let joinedLower = [-20.0, -20, -10, 0, 0.02, -100], joinedUpper = [80.0, 80, 5, 5, 5, 30]

    /// The additive law fitted to `runs` weighted by `weights` (nil: every run once).
    public func fitAdditive(_ runs: [ScalingRun], weights: [Double]? = nil) throws(CalibrationError) -> LawFit {
        try fitAdditive(LogRuns(runs), weights: weights ?? Array(repeating: 1, count: runs.count))
    }

    /// The joined law fitted to `runs`, started from `additive` (the additive fit to the same weighted runs)
    /// and from the best grid starts, each at every ln c of the grid.
    public func fitJoined(_ runs: [ScalingRun], weights: [Double]? = nil, additive: LawFit) throws(CalibrationError) -> LawFit {
        try fitJoined(LogRuns(runs), weights: weights ?? Array(repeating: 1, count: runs.count), additive: additive)
    }

    func fitAdditive(_ runs: LogRuns, weights: [Double]) throws(CalibrationError) -> LawFit {
        try checkCount(weights, parameters: LawShape.additive.parameterCount)
        let huber = huber
        let objective: LocalMinimizer.Objective = { θ, gradient in AdditiveLaw.objective(θ, runs, weights, huber, gradient) }
        let starts = screened(grid.additiveStarts, count: refinedStarts, objective)
        let minimizer = LocalMinimizer(method: .lbfgs, lower: Self.additiveLower, upper: Self.additiveUpper)
        return try refine(starts, shape: .additive, minimizer: minimizer, runs: runs, objective)
    }

    func fitJoined(_ runs: LogRuns, weights: [Double], additive: LawFit) throws(CalibrationError) -> LawFit {
        try checkCount(weights, parameters: LawShape.joined.parameterCount)
        let huber = huber, centre = runs.centre
        let objective: LocalMinimizer.Objective = { θ, _ in JoinedLaw.objective(θ, runs, centre: centre, weights, huber) }
        let additiveObjective: LocalMinimizer.Objective = { θ, gradient in AdditiveLaw.objective(θ, runs, weights, huber, gradient) }
        let scaledAdditive = LogRuns.shifted(additive.logParameters, by: -runs.logScale)
        let bases = [scaledAdditive] + screened(grid.additiveStarts, count: 3, additiveObjective)
        var starts: [[Double]] = []
        for base in bases {
            for lnC in grid.logJoinScales { starts.append(base + [lnC]) }
        }
        starts.append(scaledAdditive + [-100])  // the additive limit itself: the joined fit is never worse
        let minimizer = LocalMinimizer(method: .bobyqa, lower: Self.joinedLower, upper: Self.joinedUpper)
        return try refine(starts, shape: .joined, minimizer: minimizer, runs: runs, objective)
    }

    /// Refuses weights with fewer distinct runs than parameters + 1.
    private func checkCount(_ weights: [Double], parameters: Int) throws(CalibrationError) {
        let distinct = weights.count { $0 > 0 }
        guard distinct > parameters else { throw .tooFewRuns(count: distinct, minimum: parameters + 1) }
    }

    /// The `count` starts of lowest objective (all when nil), in that order.
    private func screened(_ starts: [[Double]], count: Int?, _ objective: LocalMinimizer.Objective) -> [[Double]] {
        guard let count, count < starts.count else { return starts }
        let values = starts.map { θ in θ.withUnsafeBufferPointer { objective($0.baseAddress!, nil) } }
        return starts.indices.sorted { values[$0] < values[$1] }.prefix(count).map { starts[$0] }
    }

    /// Runs the local minimizer from every start; the lowest value seen (a minimizer's end or a start) wins.
    private func refine(_ starts: [[Double]], shape: LawShape, minimizer: LocalMinimizer, runs: LogRuns,
                        _ objective: @escaping LocalMinimizer.Objective) throws(CalibrationError) -> LawFit {
        var values: [Double] = [], best: (theta: [Double], value: Double)?
        for start in starts {
            // The lower of the start and where the minimizer stopped: BOBYQA moves a start that sits on a bound
            // (the additive limit, ln c at its lower bound) before its first step and can end above it.
            let found = try minimizer.minimize(from: start, objective)
            let candidates = [found.theta, start].map { θ in (θ, θ.withUnsafeBufferPointer { objective($0.baseAddress!, nil) }) }
            let (theta, value) = candidates[1].1 < candidates[0].1 ? candidates[1] : candidates[0]
            values.append(value)
            if value < best?.value ?? .infinity { best = (theta, value) }
        }
        guard let best else { throw .optimizerFailed("no start reached a finite objective") }
        let tolerance = 1e-6 * max(abs(best.value), 1e-300)
        let centre = runs.centre
        return LawFit(shape: shape, logParameters: LogRuns.shifted(best.theta, by: runs.logScale), objective: best.value, startsRefined: starts.count,
                      startsAtMinimum: values.count { $0 - best.value <= tolerance },
                      centreFeatureCount: exp(centre.logN), centreSampleCount: exp(centre.logD))
    }
}
