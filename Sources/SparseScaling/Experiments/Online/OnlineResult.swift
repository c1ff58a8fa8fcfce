import Foundation
import ScalingAnalysis

/// What `experiment online` measured: loss curves of one-pass SGD for several N, the exponents in t
/// and N (a joint fit L = A·N^−a_N + B·t^−a_t), and the compute-optimal frontier under C = N·t with
/// N*(C), t*(C), L*(C) fitted — beside our own prediction (marked as ours; the paper has none for
/// this regime) and the paper's direct-solve frontier C = N·D·min(N, D).
package struct OnlineResult: ExperimentOutput {
    package static let name = "online"
    /// The columns of `online.csv`.
    package static let csvHeaders = ["n", "step", "seeds", "loss_mean", "loss_se", "loss_median", "loss_q10", "loss_q90", "k_mean", "decoupled_prediction_ours", "finite_n_prediction_ours", "finite_n_mean_prediction_ours", "finite_n_q10_prediction_ours", "finite_n_q90_prediction_ours"]
    /// The columns of `online-frontier.csv`.
    package static let frontierCSVHeaders = ["compute", "n_star", "t_star", "loss_star"]

    /// One run (N, seed).
    package struct Run: Sendable, Codable {
        package var featureCount: Int
        package var seed: UInt64
        package var run: OnlineRun
    }

    /// The loss over seeds at one (N, t).
    package struct CurvePoint: Sendable, Codable {
        package var featureCount: Int
        package var step: Int
        package var loss: LossDistribution
        /// Standard error of the mean over seeds; nil for a single seed.
        package var standardError: Double?
        package var meanObservedCoordinates: Double
    }

    /// A fitted frontier point: the best N (interpolated in log N) and its loss at compute C.
    package struct FrontierPoint: Sendable, Codable {
        package var compute: Double
        package var featureCount: Double
        package var steps: Double
        package var loss: Double
    }

    /// The fit of L(N, t) = A·N^−a_N + B·t^−a_t (relative least squares over the median curves at t ≥ 1000).
    package struct JointFit: Sendable, Codable {
        package var modelExponent: Double
        package var modelExponentStandardError: Double
        package var stepExponent: Double
        package var stepExponentStandardError: Double
        package var modelCoefficient: Double
        package var stepCoefficient: Double
        /// Root-mean-square relative residual.
        package var relativeResidual: Double
        package var pointCount: Int

        /// A·N^−a_N + B·t^−a_t.
        package func predicted(featureCount n: Double, steps t: Double) -> Double {
            modelCoefficient * pow(n, -modelExponent) + stepCoefficient * pow(t, -stepExponent)
        }
    }

    package let alpha: Double
    package let beta: Double
    package let configuration: OnlineExperiment.Configuration
    package let checkpoints: [Int]
    /// Every run (curves per seed).
    package let runs: [Run]
    /// Mean/median/quantiles over seeds per (N, t), completed runs only.
    package let curves: [CurvePoint]
    /// Runs that diverged: (N, seed, step).
    package let divergedRuns: [String]
    /// The t-exponent of the median loss of the largest N over t ≥ 1000 while L ≥ 3·L(T).
    package let stepFit: PowerLawFit?
    /// The joint fit.
    package let joint: JointFit?
    /// The measured frontier (compute where the best N is interior to the N grid).
    package let frontier: [FrontierPoint]
    /// Power-law fits of L*(C), N*(C), t*(C) (exponents of decay: N* and t* grow, so theirs are negative).
    package let frontierLossFit: PowerLawFit?
    package let frontierModelFit: PowerLawFit?
    package let frontierStepsFit: PowerLawFit?
    /// Our predicted exponents: a_t, a_N, and the frontier (N*, t*, L*).
    package let predictedStepExponent: Double
    package let predictedModelExponent: Double
    package let predictedFrontier: [Double]
    /// The paper's direct-solve frontier (C = N·D·min(N, D)): N* ∝ C^(1/(β+2)), D* ∝ C^(β/(β+2)), L* ∝ C^(−(α+β)/(β+2)).
    package let directSolveFrontier: [Double]
    /// Our decoupled N = ∞ prediction E[L_∞(t)] at each checkpoint (nil at t = 0 is Σλ).
    package let decoupledPrediction: [Double]
    /// Wall-clock seconds of the slowest run at the largest N, and its steps per second.
    package let largestRunSeconds: Double
    /// OUR finite-N prediction of the MEDIAN over seeds at every (N, checkpoint) where it holds (A(t) ≤ N/2), as
    /// curve points: the decoupled law's median (`OnlineSGDLossQuantiles`) plus the mean of the rest of
    /// `OnlineSGDFiniteNPrediction` (docs/theory-online-sgd.md, "Spread over seeds").
    package let finiteNPrediction: [CurvePoint]
    /// The predicted mean, median and 10–90% band at every (N, checkpoint) with a finite prediction.
    package let predictedBands: [PredictedBand]
    /// Draws of the decoupled law behind the predicted quantiles.
    package let predictionDraws: Int
    /// The N whose finite-N prediction did not converge (the mean path's spectral equation at some node); empty normally.
    package let predictionNotConverged: [Int]
    /// Per (N, t ≥ fitStart): measured median / predicted median − 1.
    package let pointErrors: [PointError]
    /// The same fits applied to the predicted curve at the same (N, t): t-exponent, joint fit, frontier L*.
    package let predictedStepFit: PowerLawFit?
    package let predictedJoint: JointFit?
    package let predictedFrontierLossFit: PowerLawFit?
    /// The measured fits restricted to the predicted curve's range (A(t) ≤ N/2), so fitted is compared with fitted.
    package let jointInRange: JointFit?
    package let frontierLossFitInRange: PowerLawFit?
    /// Measured points beyond the prediction's range (A(t) > N/2: the readout saturates), with their errors.
    package let outOfRangeErrors: [PointError]
    /// Bootstrap over seeds of the t-exponent, of the frontier L* exponent (all points) and of the in-range one.
    package let stepFitBootstrap: OnlineSeedBootstrap?
    package let frontierBootstrap: OnlineSeedBootstrap?
    package let frontierInRangeBootstrap: OnlineSeedBootstrap?
    /// Bootstrap over seeds of the joint fit's (a_N, a_t), on all points t ≥ fitStart and on the in-range ones.
    package let jointBootstrap: [OnlineSeedBootstrap]?
    package let jointInRangeBootstrap: [OnlineSeedBootstrap]?

    /// OUR predicted law of the loss over seeds at one (N, t).
    package struct PredictedBand: Sendable, Codable {
        package var featureCount: Int
        package var step: Int
        package var mean: Double
        package var median: Double
        package var q10: Double
        package var q90: Double
        /// Whether the learned mass A(t) ≤ N/2 (the prediction's range).
        package var inRange: Bool
        /// The N = ∞ cross injection's mean (in `mean`; its fast coordinates' part is drawn in the median and quantiles).
        package var crossInjection: Double
        /// The typical |median over the experiment's seeds / predicted median − 1| from the seeds' spread alone
        /// (the decoupled law's, the rest of the prediction taken as fixed).
        package var seedMedianError: Double
    }

    /// The median over the compared points of the error a median over this many seeds makes by chance
    /// (`PredictedBand.seedMedianError`): the floor of `medianAbsoluteError` if the prediction were exact.
    package var expectedSeedError: Double? {
        let keys = Set(pointErrors.map { "\($0.featureCount)/\($0.step)" })
        let e = predictedBands.filter { keys.contains("\($0.featureCount)/\($0.step)") }.map(\.seedMedianError).filter(\.isFinite).sorted()
        return e.isEmpty ? nil : SampleQuantiles.quantile(e, 0.5)
    }

    /// The relative error of the prediction at one (N, t).
    package struct PointError: Sendable, Codable {
        package var featureCount: Int
        package var step: Int
        package var measuredMedian: Double
        package var predicted: Double
        /// measured median / predicted − 1.
        package var relativeError: Double
    }

    /// Median |relative error| over all points at t ≥ fitStart, and per N.
    package var medianAbsoluteError: Double? {
        let e = pointErrors.map { abs($0.relativeError) }.sorted()
        return e.isEmpty ? nil : SampleQuantiles.quantile(e, 0.5)
    }

    /// Aggregates and fits the runs.
    package init(alpha: Double, beta: Double, configuration: OnlineExperiment.Configuration, checkpoints: [Int], runs: [Run], parameters: DataParameters) {
        self.alpha = alpha
        self.beta = beta
        self.configuration = configuration
        self.checkpoints = checkpoints
        self.runs = runs
        divergedRuns = runs.filter { $0.run.status == .diverged }.map { "N = \($0.featureCount), seed \($0.seed), at step \($0.run.divergedAtStep ?? 0)" }
        var curves: [CurvePoint] = []
        for n in configuration.featureCounts {
            let completed = runs.filter { $0.featureCount == n && $0.run.status == .completed }
            guard !completed.isEmpty else { continue }
            for (j, t) in checkpoints.enumerated() {
                let losses = completed.map { $0.run.checkpoints[j].loss }
                let d = LossDistribution(losses)
                let se = try? MeanEstimate(samples: losses).standardError
                curves.append(CurvePoint(
                    featureCount: n, step: t, loss: d, standardError: se ?? nil,
                    meanObservedCoordinates: completed.reduce(0) { $0 + Double($1.run.checkpoints[j].observedCoordinates) } / Double(completed.count)))
            }
        }
        self.curves = curves
        predictedStepExponent = parameters.onlineStepExponent
        predictedModelExponent = alpha + beta
        let ours = parameters.onlineFrontierExponents
        predictedFrontier = [ours.featureCount, ours.steps, ours.loss]
        directSolveFrontier = [1 / (beta + 2), beta / (beta + 2), (alpha + beta) / (beta + 2)]
        decoupledPrediction = checkpoints.map { parameters.onlineLoss(steps: Double($0), stepSize: configuration.stepSize) }
        largestRunSeconds = runs.filter { $0.featureCount == configuration.featureCounts.max() }.map(\.run.seconds).max() ?? 0
        var predictedCurves: [CurvePoint] = [], allPredicted: [CurvePoint] = [], bands: [PredictedBand] = [], notConverged: [Int] = []
        // The decoupled law's quantiles do not depend on N: one Monte Carlo of the law serves every N.
        // (Not drawn for an unstable step size, whose prediction is infinite.)
        let stable = parameters.onlineLoss(steps: 1, stepSize: configuration.stepSize).isFinite
        let spread = stable ? OnlineSGDLossQuantiles(parameters: parameters, stepSize: configuration.stepSize, steps: checkpoints,
                                                     draws: Self.predictionDraws, seeds: configuration.seeds) : nil
        for n in configuration.featureCounts where curves.contains(where: { $0.featureCount == n }) {
            let prediction = OnlineSGDFiniteNPrediction(parameters: parameters, featureCount: n, stepSize: configuration.stepSize, steps: checkpoints)
            if !prediction.converged { notConverged.append(n) }
            for (j, t) in checkpoints.enumerated() where prediction.loss[j].isFinite {
                guard let spread else { break }
                // The finite-N parts (mean path, noise leak) sum many steps into slowly damped coordinates: taken at
                // their means, as is the cross injection into the slow coordinates (each holds many injections). The
                // fast coordinates' injection (~80% of it, a memory of a few steps) is drawn with the law's draws.
                let rest = prediction.loss[j] - prediction.decoupled[j] - prediction.fastCrossInjection[j]
                let median = spread.median[j] + rest
                bands.append(PredictedBand(featureCount: n, step: t, mean: prediction.loss[j], median: median, q10: spread.q10[j] + rest,
                                           q90: spread.q90[j] + rest, inRange: prediction.inRange[j], crossInjection: prediction.crossInjection[j],
                                           seedMedianError: (spread.seedMedianError?[j] ?? .nan) * spread.median[j] / median))
                let point = CurvePoint(featureCount: n, step: t, loss: LossDistribution([median]), standardError: nil, meanObservedCoordinates: 0)
                allPredicted.append(point)
                if prediction.inRange[j] { predictedCurves.append(point) }
            }
        }
        predictionDraws = Self.predictionDraws
        predictionNotConverged = notConverged
        predictedBands = bands
        finiteNPrediction = predictedCurves
        func errors(_ predicted: [CurvePoint], _ measured: [CurvePoint]) -> [PointError] {
            measured.filter { $0.step >= Self.fitStart }.compactMap { c in
                guard let p = predicted.first(where: { $0.featureCount == c.featureCount && $0.step == c.step }) else { return nil }
                return PointError(featureCount: c.featureCount, step: c.step, measuredMedian: c.loss.median, predicted: p.loss.median,
                                  relativeError: c.loss.median / p.loss.median - 1)
            }
        }
        pointErrors = errors(predictedCurves, curves)
        let inRangeKeys = Set(predictedCurves.map { "\($0.featureCount)/\($0.step)" })
        outOfRangeErrors = errors(allPredicted, curves.filter { !inRangeKeys.contains("\($0.featureCount)/\($0.step)") })
        let measuredInRange = curves.filter { inRangeKeys.contains("\($0.featureCount)/\($0.step)") }

        // The t-exponent at the largest N, past the first-steps transient and before its N-limited floor.
        // Fits use medians over seeds: a rare sample with η‖f‖² > 2 kicks one seed's loss up for a while,
        // which dominates a mean over a few seeds.
        let largest = curves.filter { $0.featureCount == (curves.map(\.featureCount).max() ?? 0) && $0.step >= Self.fitStart }
        stepFit = Self.stepFit(curves)
        joint = Self.jointFit(curves.filter { $0.step >= Self.fitStart })
        let (frontier, lossFit, modelFit, stepsFit) = Self.frontier(curves: curves, featureCounts: configuration.featureCounts, steps: configuration.steps)
        self.frontier = frontier
        frontierLossFit = lossFit
        frontierModelFit = modelFit
        frontierStepsFit = stepsFit
        // The same fits on the predicted curve, on the same window (the measured fit's steps for the t-exponent).
        let window = Set(largest.filter { $0.loss.median >= 3 * (largest.last?.loss.median ?? .infinity) }.map(\.step))
        let predictedLargest = predictedCurves.filter { $0.featureCount == (curves.map(\.featureCount).max() ?? 0) && window.contains($0.step) }
        predictedStepFit = try? PowerLawFit(x: predictedLargest.map { Double($0.step) }, y: predictedLargest.map(\.loss.median))
        predictedJoint = Self.jointFit(predictedCurves.filter { $0.step >= Self.fitStart })
        predictedFrontierLossFit = Self.frontier(curves: predictedCurves, featureCounts: configuration.featureCounts, steps: configuration.steps).1
        jointInRange = Self.jointFit(measuredInRange.filter { $0.step >= Self.fitStart })
        frontierLossFitInRange = Self.frontier(curves: measuredInRange, featureCounts: configuration.featureCounts, steps: configuration.steps).1
        let (ns, steps) = (configuration.featureCounts, configuration.steps)
        let completed = runs.filter { $0.run.status == .completed }
        stepFitBootstrap = stepFit.flatMap { fit in
            OnlineSeedBootstrap(runs: completed, checkpoints: checkpoints, estimate: fit.exponent) { Self.stepFit($0)?.exponent }
        }
        frontierBootstrap = lossFit.flatMap { fit in
            OnlineSeedBootstrap(runs: completed, checkpoints: checkpoints, estimate: fit.exponent) {
                Self.frontier(curves: $0, featureCounts: ns, steps: steps).1?.exponent
            }
        }
        func jointExponents(_ curves: [CurvePoint], near: (aN: Double, aT: Double)) -> [Double]? {
            Self.jointFit(curves.filter { $0.step >= Self.fitStart }, tolerance: 1e-4, near: near).map { [$0.modelExponent, $0.stepExponent] }
        }
        jointBootstrap = joint.flatMap { fit in
            OnlineSeedBootstrap.joint(runs: completed, checkpoints: checkpoints, estimates: [fit.modelExponent, fit.stepExponent]) {
                jointExponents($0, near: (fit.modelExponent, fit.stepExponent))
            }
        }
        jointInRangeBootstrap = jointInRange.flatMap { fit in
            OnlineSeedBootstrap.joint(runs: completed, checkpoints: checkpoints, estimates: [fit.modelExponent, fit.stepExponent]) {
                jointExponents($0.filter { inRangeKeys.contains("\($0.featureCount)/\($0.step)") }, near: (fit.modelExponent, fit.stepExponent))
            }
        }
        frontierInRangeBootstrap = frontierLossFitInRange.flatMap { fit in
            OnlineSeedBootstrap(runs: completed, checkpoints: checkpoints, estimate: fit.exponent) {
                Self.frontier(curves: $0.filter { inRangeKeys.contains("\($0.featureCount)/\($0.step)") }, featureCounts: ns, steps: steps).1?.exponent
            }
        }
    }

    /// The t-exponent of the median curve of the largest N over t ≥ fitStart while L ≥ 3·L(T): past the
    /// first-steps transient and before its N-limited floor.
    static func stepFit(_ curves: [CurvePoint]) -> PowerLawFit? {
        let largest = curves.filter { $0.featureCount == (curves.map(\.featureCount).max() ?? 0) && $0.step >= fitStart }
        guard let final = largest.last?.loss.median else { return nil }
        let window = largest.filter { $0.loss.median >= 3 * final }
        return try? PowerLawFit(x: window.map { Double($0.step) }, y: window.map(\.loss.median))
    }

    /// Fits start at this step, past the transient of the first steps.
    package static let fitStart = 1000
    /// Draws of the decoupled law per predicted quantile: the median's own Monte Carlo error is then about
    /// 1.25·(q90 − q10)/(2.56·√2000) ≈ 1% of the band (docs/theory-online-sgd.md).
    package static let predictionDraws = 2000

    /// Grid search over (a_N, a_t) with A, B by weighted linear least squares on relative residuals (profiled out
    /// in closed form), refined locally; standard errors from the curvature of the profiled residual sum (points
    /// of one curve share seeds, so these understate the uncertainty: the verdicts use the seed bootstrap). The local
    /// search stops when its step falls below `tolerance` (the bootstrap refits to 10⁻⁴, far below its SE). With
    /// `near`, the grid is first searched within ±10 steps of it, and in whole when that minimum lies on the window's edge.
    /// Nil with fewer than 6 points or 3 distinct N (a_N is then not identified).
    static func jointFit(_ points: [CurvePoint], tolerance: Double = 1e-6, near: (aN: Double, aT: Double)? = nil) -> JointFit? {
        guard points.count >= 6, Set(points.map(\.featureCount)).count >= 3 else { return nil }
        let n = points.map { Double($0.featureCount) }, t = points.map { Double($0.step) }, y = points.map(\.loss.median)
        let full = (n: 0...120, t: 0...100)
        var grid = full
        if let near {
            let i = Int(((near.aN - 0.1) / 0.04).rounded()), j = Int(((near.aT - 0.05) / 0.02).rounded())
            grid = (max(0, min(120, i - 10))...max(0, min(120, i + 10)), max(0, min(100, j - 10))...max(0, min(100, j + 10)))
        }
        var best = jointGridMinimum(n: n, t: t, y: y, grid: grid)
        // A window's minimum on an edge that is not the full grid's may be a slope into a lower minimum outside it.
        if let b = best, grid != full {
            let openEdge = (b.i == grid.n.lowerBound && b.i > full.n.lowerBound) || (b.i == grid.n.upperBound && b.i < full.n.upperBound)
                || (b.j == grid.t.lowerBound && b.j > full.t.lowerBound) || (b.j == grid.t.upperBound && b.j < full.t.upperBound)
            if openEdge { best = jointGridMinimum(n: n, t: t, y: y, grid: full) }
        } else if grid != full {
            best = jointGridMinimum(n: n, t: t, y: y, grid: full)
        }
        guard let best else { return nil }
        return jointFit(n: n, t: t, y: y, from: (best.aN, best.aT), tolerance: tolerance)
    }

    /// The grid point (a_N = 0.1 + 0.04i, a_t = 0.05 + 0.02j, i and j in `grid`) of least relative residual sum,
    /// with A, B > 0 solved in closed form; nil when no grid point has positive A and B. The weighted sums are grouped
    /// by distinct N, so a grid point costs one pass over the distinct N (the bootstrap refits hundreds of times).
    static func jointGridMinimum(n: [Double], t: [Double], y: [Double], grid: (n: ClosedRange<Int>, t: ClosedRange<Int>))
        -> (aN: Double, aT: Double, i: Int, j: Int)? {
        let distinctN = Array(Set(n)).sorted()
        let group = n.map { distinctN.firstIndex(of: $0)! }
        let w = y.map { 1 / ($0 * $0) }
        // Per N: Σ w and Σ w·y over its points (u = N^−a_N is constant on a group).
        var groupW = [Double](repeating: 0, count: distinctN.count), groupWY = groupW
        for k in y.indices { groupW[group[k]] += w[k]; groupWY[group[k]] += w[k] * y[k] }
        let exponentsN = grid.n.map { 0.1 + 0.04 * Double($0) }, exponentsT = grid.t.map { 0.05 + 0.02 * Double($0) }
        // Per a_t: Σ w v², Σ w v y, and per N the sum Σ w v (v = t^−a_t).
        let perT = exponentsT.map { aT -> (svv: Double, svy: Double, groupWV: [Double]) in
            var svv = 0.0, svy = 0.0, groupWV = [Double](repeating: 0, count: distinctN.count)
            for k in y.indices {
                let v = pow(t[k], -aT)
                svv += w[k] * v * v; svy += w[k] * v * y[k]; groupWV[group[k]] += w[k] * v
            }
            return (svv, svy, groupWV)
        }
        var best = (rss: Double.infinity, i: 0, j: 0)
        let groups = distinctN.count
        // Σ w v per (a_t, N), one flat row per a_t.
        let flatWV = perT.flatMap(\.groupWV)
        for (i, aN) in exponentsN.enumerated() {
            let u = distinctN.map { pow($0, -aN) }
            var suu = 0.0, suy = 0.0
            for g in u.indices { suu += u[g] * u[g] * groupW[g]; suy += u[g] * groupWY[g] }
            for j in exponentsT.indices {
                let (svv, svy) = (perT[j].svv, perT[j].svy)
                let suv = u.withUnsafeBufferPointer { u in
                    flatWV.withUnsafeBufferPointer { wv in
                        var sum = 0.0
                        for g in 0..<groups { sum += u[g] * wv[j * groups + g] }
                        return sum
                    }
                }
                let det = suu * svv - suv * suv
                guard det > 0 else { continue }
                let a = (suy * svv - svy * suv) / det, b = (svy * suu - suy * suv) / det
                guard a > 0, b > 0 else { continue }
                // Σ w(Au + Bv − y)² by the normal equations (Σ w y² = number of points).
                let rss = Double(y.count) - 2 * (a * suy + b * svy) + a * a * suu + 2 * a * b * suv + b * b * svv
                if rss < best.rss { best = (rss, i, j) }
            }
        }
        guard best.rss.isFinite else { return nil }
        return (exponentsN[best.i], exponentsT[best.j], grid.n.lowerBound + best.i, grid.t.lowerBound + best.j)
    }

    /// The joint fit refined from a grid point by a local search with shrinking steps (residuals computed directly).
    private static func jointFit(n: [Double], t: [Double], y: [Double], from start: (aN: Double, aT: Double), tolerance: Double) -> JointFit? {
        // The powers are taken once per distinct N and t (a few N, tens of t, against hundreds of points).
        let distinctN = Array(Set(n)).sorted(), distinctT = Array(Set(t)).sorted()
        let nIndex = n.map { distinctN.firstIndex(of: $0)! }, tIndex = t.map { distinctT.firstIndex(of: $0)! }
        func solve(_ aN: Double, _ aT: Double) -> (rss: Double, a: Double, b: Double) {
            // Minimize Σ ((A u + B v − y)/y)² with u = N^−aN, v = t^−aT.
            let uOf = distinctN.map { pow($0, -aN) }, vOf = distinctT.map { pow($0, -aT) }
            var suu = 0.0, suv = 0.0, svv = 0.0, suy = 0.0, svy = 0.0
            for k in y.indices {
                let w = 1 / (y[k] * y[k]), u = uOf[nIndex[k]], v = vOf[tIndex[k]]
                suu += w * u * u; suv += w * u * v; svv += w * v * v; suy += w * u * y[k]; svy += w * v * y[k]
            }
            let det = suu * svv - suv * suv
            guard det > 0 else { return (.infinity, 0, 0) }
            let a = (suy * svv - svy * suv) / det, b = (svy * suu - suy * suv) / det
            guard a > 0, b > 0 else { return (.infinity, a, b) }
            var rss = 0.0
            for k in y.indices {
                let r = (a * uOf[nIndex[k]] + b * vOf[tIndex[k]] - y[k]) / y[k]
                rss += r * r
            }
            return (rss, a, b)
        }
        var best = (rss: solve(start.aN, start.aT).rss, aN: start.aN, aT: start.aT)
        guard best.rss.isFinite else { return nil }
        // Refine by a local search with shrinking steps, inside the grid's range (where the residual keeps falling
        // toward an infinite exponent, as on a resample whose curves barely depend on N, the edge is the fit).
        var step = 0.02
        while step > tolerance {
            var moved = false
            for (dN, dT) in [(step, 0.0), (-step, 0), (0, step), (0, -step)] {
                guard (0.1...4.9).contains(best.aN + dN), (0.05...2.05).contains(best.aT + dT) else { continue }
                let r = solve(best.aN + dN, best.aT + dT).rss
                if r < best.rss { best = (r, best.aN + dN, best.aT + dT); moved = true }
            }
            if !moved { step /= 2 }
        }
        let h = 1e-3
        let f = { (x: Double, y: Double) in solve(x, y).rss }
        let hNN = (f(best.aN + h, best.aT) - 2 * best.rss + f(best.aN - h, best.aT)) / (h * h)
        let hTT = (f(best.aN, best.aT + h) - 2 * best.rss + f(best.aN, best.aT - h)) / (h * h)
        let hNT = (f(best.aN + h, best.aT + h) - f(best.aN + h, best.aT - h) - f(best.aN - h, best.aT + h) + f(best.aN - h, best.aT - h)) / (4 * h * h)
        let det = hNN * hTT - hNT * hNT
        let sigma2 = best.rss / Double(max(1, y.count - 4))
        let seN = det > 0 ? (2 * sigma2 * hTT / det).squareRoot() : .nan
        let seT = det > 0 ? (2 * sigma2 * hNN / det).squareRoot() : .nan
        let coefficients = solve(best.aN, best.aT)
        return JointFit(
            modelExponent: best.aN, modelExponentStandardError: seN, stepExponent: best.aT, stepExponentStandardError: seT,
            modelCoefficient: coefficients.a, stepCoefficient: coefficients.b,
            relativeResidual: (best.rss / Double(y.count)).squareRoot(), pointCount: y.count)
    }

    /// For 40 computes per decade: the loss of each N at t = C/N (log–log interpolation of its median
    /// curve, t ≥ 1000), the best N refined by a parabola in log N; kept where the best N is interior.
    static func frontier(curves: [CurvePoint], featureCounts: [Int], steps: Int) -> ([FrontierPoint], PowerLawFit?, PowerLawFit?, PowerLawFit?) {
        let ns = featureCounts.filter { n in curves.contains { $0.featureCount == n } }.sorted()
        guard ns.count >= 3 else { return ([], nil, nil, nil) }
        func loss(_ n: Int, _ t: Double) -> Double? {
            let c = curves.filter { $0.featureCount == n && $0.step >= fitStart }
            guard let first = c.first, let last = c.last, t >= Double(first.step), t <= Double(last.step) else { return nil }
            guard let k = c.firstIndex(where: { Double($0.step) >= t }) else { return nil }
            if k == 0 { return c[0].loss.median }
            let (a, b) = (c[k - 1], c[k])
            let w = log(t / Double(a.step)) / log(Double(b.step) / Double(a.step))
            return exp((1 - w) * log(a.loss.median) + w * log(b.loss.median))
        }
        let lowest = Double(fitStart) * Double(ns[0]), highest = Double(ns.last!) * Double(steps)
        var points: [FrontierPoint] = []
        var c = lowest
        while c <= highest * 1.0001 {
            let values = ns.map { loss($0, c / Double($0)) }
            if values.allSatisfy({ $0 != nil }) {
                let l = values.map { $0! }
                let k = l.indices.min { l[$0] < l[$1] }!
                if k > 0, k < ns.count - 1 {
                    // Parabola through (ln N, ln L) at k − 1, k, k + 1.
                    let x = [k - 1, k, k + 1].map { log(Double(ns[$0])) }, y = [k - 1, k, k + 1].map { log(l[$0]) }
                    let d1 = (y[1] - y[0]) / (x[1] - x[0]), d2 = (y[2] - y[1]) / (x[2] - x[1])
                    let curvature = (d2 - d1) / (x[2] - x[0])
                    var xStar = x[1]
                    var yStar = y[1]
                    if curvature > 0 {
                        let mid0 = (x[0] + x[1]) / 2, mid1 = (x[1] + x[2]) / 2
                        // The derivative of the parabola is linear: d1 at mid0, d2 at mid1; its zero is the vertex.
                        xStar = min(x[2], max(x[0], mid0 - d1 * (mid1 - mid0) / (d2 - d1)))
                        // ln L on the parabola through the three points at x*.
                        let l0 = (xStar - x[1]) * (xStar - x[2]) / ((x[0] - x[1]) * (x[0] - x[2]))
                        let l1 = (xStar - x[0]) * (xStar - x[2]) / ((x[1] - x[0]) * (x[1] - x[2]))
                        let l2 = (xStar - x[0]) * (xStar - x[1]) / ((x[2] - x[0]) * (x[2] - x[1]))
                        yStar = l0 * y[0] + l1 * y[1] + l2 * y[2]
                    }
                    points.append(FrontierPoint(compute: c, featureCount: exp(xStar), steps: c / exp(xStar), loss: exp(yStar)))
                }
            }
            c *= pow(10, 1.0 / 40)
        }
        let cs = points.map(\.compute)
        let lossFit = try? PowerLawFit(x: cs, y: points.map(\.loss))
        let modelFit = try? PowerLawFit(x: cs, y: points.map(\.featureCount))
        let stepsFit = try? PowerLawFit(x: cs, y: points.map(\.steps))
        return (points, lossFit, modelFit, stepsFit)
    }

    package func csvTables() -> [String: String] {
        var table = CSVTable(headers: Self.csvHeaders)
        for p in curves {
            let j = checkpoints.firstIndex(of: p.step)!
            let band = predictedBands.first { $0.featureCount == p.featureCount && $0.step == p.step && $0.inRange }
            table.append([
                .integer(p.featureCount), .integer(p.step), .integer(p.loss.count), .number(p.loss.mean), .optional(p.standardError),
                .number(p.loss.median), .number(p.loss.lower), .number(p.loss.upper), .number(p.meanObservedCoordinates), .number(decoupledPrediction[j]),
                .optional(finiteNPrediction.first { $0.featureCount == p.featureCount && $0.step == p.step }?.loss.median),
                .optional(band?.mean), .optional(band?.q10), .optional(band?.q90),
            ])
        }
        var frontierTable = CSVTable(headers: Self.frontierCSVHeaders)
        for p in frontier { frontierTable.append([.number(p.compute), .number(p.featureCount), .number(p.steps), .number(p.loss)]) }
        return ["\(Self.name).csv": table.render(), "\(Self.name)-frontier.csv": frontierTable.render()]
    }

    package func summaryText() -> String {
        let g = fourSignificantDigits
        var lines = ["one-pass SGD (α = \(alpha), β = \(beta), η = \(g(configuration.stepSize)) constant, T = \(configuration.steps) steps, N ∈ \(configuration.featureCounts), \(configuration.seeds) seeds):"]
        lines.append(divergedRuns.isEmpty ? "  every run completed (no divergence)" : "  DIVERGED: " + divergedRuns.joined(separator: "; "))
        if let f = stepFit {
            lines.append("  measured t-exponent (N = \(configuration.featureCounts.max()!), before the N floor): \(g(f.exponent)) ± \(g(f.exponentStandardError)); ours (α+β)/(1+α+β) = \(g(predictedStepExponent))")
        }
        if let j = joint {
            let ci = { (k: Int) in self.jointBootstrap.map { " 95% CI [\(g($0[k].lower)), \(g($0[k].upper))]" } ?? "" }
            lines.append("  joint fit L = A·N^−a_N + B·t^−a_t (\(Typography.counted(j.pointCount, "point")), rms relative residual \(g(j.relativeResidual))): a_N = \(g(j.modelExponent))\(ci(0)) (ours α+β = \(g(predictedModelExponent))), a_t = \(g(j.stepExponent))\(ci(1)) (ours \(g(predictedStepExponent)))\(jointBootstrap.map { "; CIs by \($0[0].method.description)" } ?? "; no seed bootstrap (one seed)"); the fit's curvature alone (seed sharing ignored) gives SE \(g(j.modelExponentStandardError)), \(g(j.stepExponentStandardError))")
            let implied = DataParameters.frontierExponents(modelExponent: j.modelExponent, stepExponent: j.stepExponent)
            lines.append("  frontier implied by the joint fit: N* ∝ C^\(g(implied.featureCount)), t* ∝ C^\(g(implied.steps)), L* ∝ C^−\(g(implied.loss))")
        }
        if let l = frontierLossFit, let n = frontierModelFit, let t = frontierStepsFit {
            lines.append("  measured frontier under C = N·t (\(frontier.count) computes, C ∈ [\(g(frontier.first!.compute)), \(g(frontier.last!.compute))]): N* ∝ C^\(g(-n.exponent)) ± \(g(n.exponentStandardError)), t* ∝ C^\(g(-t.exponent)) ± \(g(t.exponentStandardError)), L* ∝ C^−\(g(l.exponent)) ± \(g(l.exponentStandardError)) (fit SE, treats the interpolated points as independent)\(frontierBootstrap.map { "; L* exponent 95% CI [\(g($0.lower)), \(g($0.upper))] by \($0.method.description)" } ?? "")")
        } else {
            lines.append("  frontier: the best N was never interior to the N grid (widen the grid)")
        }
        lines.append("  our prediction (C = N·t): N* ∝ C^\(g(predictedFrontier[0])), t* ∝ C^\(g(predictedFrontier[1])), L* ∝ C^−\(g(predictedFrontier[2])); paper's direct solve (C = N·D·min(N, D)): N* ∝ C^\(g(directSolveFrontier[0])), D* ∝ C^\(g(directSolveFrontier[1])), L* ∝ C^−\(g(directSolveFrontier[2]))")
        if let e = medianAbsoluteError {
            let perN = configuration.featureCounts.compactMap { n -> String? in
                let errors = pointErrors.filter { $0.featureCount == n }.map(\.relativeError)
                guard !errors.isEmpty else { return nil }
                let sorted = errors.map(abs).sorted()
                return "N = \(n): median |err| \(String(format: "%.1f%%", 100 * SampleQuantiles.quantile(sorted, 0.5))), at T \(String(format: "%+.1f%%", 100 * errors.last!))"
            }
            lines.append("  finite-N prediction of the median over seeds (OURS, docs/theory-online-sgd.md; the median over \(predictionDraws) draws of the decoupled law with the fast coordinates' cross injection, plus the means of the slow coordinates' injection, the finite-N mean path's excess and the leaked noise) vs measured median at the same (N, t, η), t ≥ \(Self.fitStart), where the learned mass A(t) ≤ N/2: median |measured/predicted − 1| = \(String(format: "%.1f%%", 100 * e)) over \(pointErrors.count) points\(expectedSeedError.map { String(format: " (a median over %d seeds of the predicted law misses its own median by %.1f%% at the median point: the floor for an exact prediction)", configuration.seeds, 100 * $0) } ?? ""); " + perN.joined(separator: "; "))
            let shares = predictedBands.filter(\.inRange).map { $0.crossInjection / $0.mean }.sorted()
            if !shares.isEmpty {
                lines.append("  the cross injection (the other coordinates' error every step adds, \(String(format: "%.0f", 100 * SampleQuantiles.quantile(shares, 0.5)))% of the predicted mean at the median point): its fast coordinates' part (a memory of a few steps) is drawn with each draw of the law, the rest is taken at its mean (docs/theory-online-sgd.md)")
            }
            if !predictionNotConverged.isEmpty {
                lines.append("  warning: the finite-N prediction did not converge at N ∈ \(predictionNotConverged) (the mean path's spectral equation at some node); its points there are approximate")
            }
            if !outOfRangeErrors.isEmpty {
                let worst = outOfRangeErrors.map(\.relativeError).min() ?? 0
                lines.append("  beyond the prediction's range (A(t) > N/2, the readout saturates; not derived; no verdict uses them): \(Typography.counted(outOfRangeErrors.count, "point")) at N ∈ \(Array(Set(outOfRangeErrors.map(\.featureCount))).sorted()), measured/predicted − 1 down to \(String(format: "%+.0f%%", 100 * worst))")
            }
        }
        if let j = predictedJoint {
            lines.append("  the same joint fit on the predicted curve (points with A(t) ≤ N/2; measured on the same points: a_N = \(jointInRange.map { g($0.modelExponent) } ?? "—"), a_t = \(jointInRange.map { g($0.stepExponent) } ?? "—")): a_N = \(g(j.modelExponent)), a_t = \(g(j.stepExponent))\(predictedStepFit.map { "; t-exponent at the largest N on the same window \(g($0.exponent))" } ?? "")\(predictedFrontierLossFit.map { "; frontier L* ∝ C^−\(g($0.exponent))" } ?? "")")
        }
        lines.append("  slowest run at N = \(configuration.featureCounts.max()!): \(String(format: "%.1f", largestRunSeconds)) s for \(configuration.steps) steps")
        let rows = verdictRows
        lines.append("  verdicts: \(ComparisonRow.countText(rows))")
        lines += rows.map { "    \($0.textLine)" }
        return lines.joined(separator: "\n")
    }

    private enum CodingKeys: String, CodingKey {
        case alpha, beta, configuration, checkpoints, curves, divergedRuns = "diverged_runs", stepFit = "step_fit", joint, frontier
        case frontierLossFit = "frontier_loss_fit", frontierModelFit = "frontier_model_fit", frontierStepsFit = "frontier_steps_fit"
        case predictedStepExponent = "predicted_step_exponent_ours", predictedModelExponent = "predicted_model_exponent_ours"
        case predictedFrontier = "predicted_frontier_ours", directSolveFrontier = "direct_solve_frontier_paper"
        case decoupledPrediction = "decoupled_prediction_ours", largestRunSeconds = "largest_run_seconds"
        case finiteNPrediction = "finite_n_median_prediction_ours", pointErrors = "point_errors"
        case predictedBands = "finite_n_predicted_bands_ours", predictionDraws = "prediction_draws", predictionNotConverged = "prediction_not_converged_n"
        case predictedStepFit = "predicted_step_fit_ours", predictedJoint = "predicted_joint_ours", predictedFrontierLossFit = "predicted_frontier_loss_fit_ours"
        case jointInRange = "joint_in_prediction_range", frontierLossFitInRange = "frontier_loss_fit_in_prediction_range", outOfRangeErrors = "out_of_range_errors"
        case stepFitBootstrap = "step_fit_bootstrap", frontierBootstrap = "frontier_bootstrap", frontierInRangeBootstrap = "frontier_in_prediction_range_bootstrap"
        case jointBootstrap = "joint_bootstrap", jointInRangeBootstrap = "joint_in_prediction_range_bootstrap"
    }
}
