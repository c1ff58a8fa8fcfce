import Foundation
import ScalingAnalysis
import SparseScaling

/// A seed bootstrap of a ratio between two estimators' measurements: each replicate redraws every
/// D's losses with replacement (each estimator, each D independently; CPU seconds per seed kept) and
/// recomputes the ratio. Deterministic for a given `seed`.
package struct SeedBootstrap: Sendable, Hashable {
    /// The 16% and 84% quantiles of the replicates' ratios (a 68% interval, ±1σ if normal).
    package var lower: Double, upper: Double
    /// The standard deviation of ln(ratio) over the replicates: the ratio's relative uncertainty.
    package var relativeSpread: Double
    /// Replicates whose ratio was finite and positive (the others are dropped).
    package var replicates: Int

    /// Bootstraps `ratio(numerator, denominator)` over `replicates` replicates; nil if fewer than
    /// half of them give a finite positive ratio (or the statistic throws throughout).
    package init?(numerator: [EstimatorSeeds], denominator: [EstimatorSeeds], replicates: Int = 2000, seed: UInt64 = 1,
                  ratio: ([EstimatorSeeds], [EstimatorSeeds]) throws -> Double) {
        var stream = RandomStream(seed: seed, purpose: .bootstrap, index: 0)
        func redraw(_ seeds: [EstimatorSeeds]) -> [EstimatorSeeds] {
            seeds.map { s in
                s.replacingLosses((0..<s.losses.count).map { _ in s.losses[min(s.losses.count - 1, Int(stream.uniform() * Double(s.losses.count)))] })
            }
        }
        var values: [Double] = []
        for _ in 0..<replicates {
            let a = redraw(numerator), b = redraw(denominator)
            if let r = try? ratio(a, b), r.isFinite, r > 0 { values.append(r) }
        }
        guard values.count * 2 >= replicates, values.count >= 2 else { return nil }
        values.sort()
        lower = SampleQuantiles.quantile(values, 0.16)
        upper = SampleQuantiles.quantile(values, 0.84)
        let logs = values.map(log)
        let m = logs.reduce(0, +) / Double(logs.count)
        relativeSpread = (logs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(logs.count - 1)).squareRoot()
        self.replicates = values.count
    }
}
