import Foundation

/// A table of runs in the coordinates the objective works in: ln N, ln D, and ln(L/s) with s the geometric
/// mean loss of the table, so that the fit's start grid and bounds on ln A, ln B, ln E are relative to the
/// table's own loss scale and the fitted law does not depend on the unit of L.
struct LogRuns: Sendable {
    /// ln N per run.
    let logN: [Double]
    /// ln D per run.
    let logD: [Double]
    /// ln(L/s) per run.
    let logL: [Double]
    /// ln s = mean ln L over the runs (the same s for every weighting of them: a resample or a fold keeps its table's unit).
    let logScale: Double

    /// The logarithms of `runs`.
    init(_ runs: [ScalingRun]) {
        logN = runs.map { log($0.featureCount) }
        logD = runs.map { log($0.sampleCount) }
        let logLoss = runs.map { log($0.loss) }
        let scale = logLoss.reduce(0, +) / Double(max(logLoss.count, 1))
        logScale = scale
        logL = logLoss.map { $0 - scale }
    }

    /// The geometric centre (mean ln N, mean ln D) of all runs: the pivot of the joined law's join scale.
    var centre: (logN: Double, logD: Double) {
        (logN.reduce(0, +) / Double(max(count, 1)), logD.reduce(0, +) / Double(max(count, 1)))
    }

    /// Number of runs.
    var count: Int { logL.count }

    /// θ with ln A, ln B, ln E (its first three entries) moved from units of s to units of L (`shift` = +ln s)
    /// or back (`shift` = −ln s); exponents and ln c do not depend on the unit.
    static func shifted(_ θ: [Double], by shift: Double) -> [Double] {
        var moved = θ
        for k in 0..<3 { moved[k] += shift }
        return moved
    }
}
