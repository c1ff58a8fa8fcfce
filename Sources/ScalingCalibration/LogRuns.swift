import Foundation

/// A table of runs in the coordinates the objective works in: ln N, ln D, ln L, one array each.
struct LogRuns: Sendable {
    /// ln N per run.
    let logN: [Double]
    /// ln D per run.
    let logD: [Double]
    /// ln L per run.
    let logL: [Double]

    /// The logarithms of `runs`.
    init(_ runs: [ScalingRun]) {
        logN = runs.map { log($0.featureCount) }
        logD = runs.map { log($0.sampleCount) }
        logL = runs.map { log($0.loss) }
    }

    /// The geometric centre (mean ln N, mean ln D) of all runs: the pivot of the joined law's join scale.
    var centre: (logN: Double, logD: Double) {
        (logN.reduce(0, +) / Double(max(count, 1)), logD.reduce(0, +) / Double(max(count, 1)))
    }

    /// Number of runs.
    var count: Int { logL.count }
}
