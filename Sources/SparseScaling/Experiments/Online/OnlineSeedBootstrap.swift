import Foundation
import ScalingAnalysis

/// The uncertainty of a statistic of the online median curves (a fitted exponent) by a bootstrap over seeds:
/// resample the S seeds with replacement, recompute every median curve, the statistic and its fit; the 95% CI is
/// estimate ± t_{0.975, S−1}·SE_boot. Seed s's runs at every N are resampled together (they share one sample
/// stream), so the interpolated frontier points, which come from the same few curves, are not counted as independent.
package struct OnlineSeedBootstrap: Sendable, Codable {
    /// The statistic on the measured curves.
    package var estimate: Double
    /// The bootstrap standard error (over the resamples whose statistic exists).
    package var standardError: Double
    /// The 95% interval estimate ± t·SE with S − 1 degrees of freedom.
    package var lower: Double
    package var upper: Double
    /// Seeds S, resamples drawn, resamples whose statistic exists.
    package var seeds: Int
    package var resamples: Int
    package var usable: Int

    /// How the interval was made, for the verdict row.
    package var method: IntervalMethod {
        .bootstrap("bootstrap over \(seeds) seeds (\(usable) of \(resamples) resamples with a fit; a seed's runs at every N resampled together, they share one sample stream): estimate ± t·SE with \(seeds - 1) degree\(seeds == 2 ? "" : "s") of freedom")
    }

    /// The bootstrap of `statistic` over the seeds of `runs` (completed runs only), with the median curves rebuilt
    /// at `checkpoints` for each resample; nil with fewer than 2 seeds or fewer than half the resamples usable.
    package init?(runs: [OnlineResult.Run], checkpoints: [Int], estimate: Double, resamples: Int = 200, seed: UInt64 = 7,
                  statistic: ([OnlineResult.CurvePoint]) -> Double?) {
        guard let one = Self.joint(runs: runs, checkpoints: checkpoints, estimates: [estimate], resamples: resamples, seed: seed,
                                   statistic: { statistic($0).map { [$0] } })
        else { return nil }
        self = one[0]
    }

    /// The bootstrap of several statistics computed together from each resample (e.g. both exponents of one fit):
    /// one interval per entry of `estimates`, from the same resamples; nil as for a single statistic (a resample
    /// counts as usable when every entry is finite).
    package static func joint(runs: [OnlineResult.Run], checkpoints: [Int], estimates: [Double], resamples: Int = 200, seed: UInt64 = 7,
                              statistic: ([OnlineResult.CurvePoint]) -> [Double]?) -> [OnlineSeedBootstrap]? {
        let seeds = Array(Set(runs.map(\.seed))).sorted()
        guard seeds.count >= 2, !estimates.isEmpty else { return nil }
        let featureCounts = Array(Set(runs.map(\.featureCount))).sorted()
        var random = SplitMix64(state: seed)
        var values: [[Double]] = []
        for _ in 0..<resamples {
            let chosen = (0..<seeds.count).map { _ in seeds[Int(random.next() % UInt64(seeds.count))] }
            var curves: [OnlineResult.CurvePoint] = []
            for n in featureCounts {
                let picked = chosen.compactMap { s in runs.first { $0.featureCount == n && $0.seed == s && $0.run.status == .completed } }
                guard !picked.isEmpty else { continue }
                for (j, t) in checkpoints.enumerated() {
                    curves.append(OnlineResult.CurvePoint(
                        featureCount: n, step: t, loss: LossDistribution(picked.map { $0.run.checkpoints[j].loss }), standardError: nil,
                        meanObservedCoordinates: 0))
                }
            }
            if let v = statistic(curves), v.count == estimates.count, v.allSatisfy(\.isFinite) { values.append(v) }
        }
        guard values.count * 2 >= resamples, values.count >= 2 else { return nil }
        let t = StudentT.quantile(0.975, degreesOfFreedom: Double(seeds.count - 1))
        return estimates.enumerated().map { k, estimate in
            let column = values.map { $0[k] }
            let mean = column.reduce(0, +) / Double(column.count)
            let se = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count - 1)).squareRoot()
            return OnlineSeedBootstrap(estimate: estimate, standardError: se, lower: estimate - t * se, upper: estimate + t * se,
                                       seeds: seeds.count, resamples: resamples, usable: values.count)
        }
    }

    private init(estimate: Double, standardError: Double, lower: Double, upper: Double, seeds: Int, resamples: Int, usable: Int) {
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.seeds = seeds
        self.resamples = resamples
        self.usable = usable
    }
}
