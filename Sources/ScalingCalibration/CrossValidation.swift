import Foundation
import ScalingAnalysis

/// k-fold cross-validation of the two forms on held-out runs: the runs are shuffled (seeded) into k folds;
/// each fold is held out in turn, both forms are fitted to the rest, and each held-out run scores
/// ρ_δ(ln L̂ − ln L) under each. Paired per run, so the two forms face the same runs.
public struct CrossValidation: Sendable {
    /// Number of folds k (2 ≤ k ≤ runs).
    public var folds: Int
    /// Seed of the shuffle.
    public var seed: UInt64
    /// The fitter of both forms on each training part.
    public var fitter: MultiStartFitter

    /// k folds shuffled under `seed`, fitted by `fitter`.
    public init(folds: Int, seed: UInt64, fitter: MultiStartFitter) {
        self.folds = folds
        self.seed = seed
        self.fitter = fitter
    }

    /// The fold of every run: a seeded shuffle dealt round-robin, so folds differ in size by at most one.
    func assignment(count n: Int) -> [Int] {
        var order = Array(0..<n)
        var generator = ResampleGenerator(seed: seed, stream: 0xC0FFEE)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, generator.index(below: i + 1)) }
        var fold = [Int](repeating: 0, count: n)
        for (position, run) in order.enumerated() { fold[run] = position % folds }
        return fold
    }

    /// Scores both forms on every held-out run of `runs`; folds run concurrently.
    public func compare(_ runs: [ScalingRun]) throws(CalibrationError) -> CrossValidationResult {
        let n = runs.count
        guard folds >= 2, folds <= n else { throw .tooFewRuns(count: n, minimum: max(folds, 2)) }
        let logRuns = LogRuns(runs), fold = assignment(count: n), fitter = fitter
        let scores = ResultSlots<Result<[(run: Int, additive: Double, joined: Double)], CalibrationError>>(count: folds)
        DispatchQueue.concurrentPerform(iterations: folds) { k in
            scores[k] = Result { () throws(CalibrationError) -> [(run: Int, additive: Double, joined: Double)] in
                let weights = fold.map { $0 == k ? 0.0 : 1.0 }
                let additive = try fitter.fitAdditive(logRuns, weights: weights)
                let joined = try fitter.fitJoined(logRuns, weights: weights, additive: additive)
                return (0..<n).filter { fold[$0] == k }.map { i in
                    let r = runs[i]
                    func score(_ fit: LawFit) -> Double {
                        fitter.huber.value(log(fit.loss(featureCount: r.featureCount, sampleCount: r.sampleCount)) - log(r.loss))
                    }
                    return (i, score(additive), score(joined))
                }
            }
        }
        var perRun: [(run: Int, fold: Int, additive: Double, joined: Double)] = []
        for k in 0..<folds {
            for s in try scores.values[k].get() { perRun.append((s.run, k, s.additive, s.joined)) }
        }
        return CrossValidationResult(folds: folds, seed: seed, delta: fitter.huber.delta,
                                     scores: perRun.sorted { $0.run < $1.run }.map { HeldOutScore(run: $0.run, fold: $0.fold, additive: $0.additive, joined: $0.joined) })
    }
}
