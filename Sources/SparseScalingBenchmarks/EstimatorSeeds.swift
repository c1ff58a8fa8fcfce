import Foundation

/// One estimator's losses at one D (one per seed) and the CPU seconds all of them took: the mean,
/// its standard error, and SE·√t, the standard error at one CPU second (independent of the seed count).
package struct EstimatorSeeds: Sendable, Hashable {
    /// The number of samples D of the point.
    package var sampleCount: Int
    /// The loss at each seed run.
    package var losses: [Double]
    /// CPU seconds of all the seeds run (user + system).
    package var cpuSeconds: Double

    /// Seeds of one estimator at D = `sampleCount`.
    package init(sampleCount: Int, losses: [Double], cpuSeconds: Double) {
        self.sampleCount = sampleCount
        self.losses = losses
        self.cpuSeconds = cpuSeconds
    }

    /// The mean loss over the seeds.
    package var mean: Double { losses.reduce(0, +) / Double(losses.count) }

    /// The seed-to-seed standard deviation of the loss (n − 1 in the denominator; 0 for one seed).
    package var standardDeviation: Double {
        let m = mean
        let sum = losses.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (sum / Double(max(1, losses.count - 1))).squareRoot()
    }

    /// The standard error of the mean, sd/√n.
    package var standardError: Double { standardDeviation / Double(losses.count).squareRoot() }

    /// CPU seconds of one seed on average.
    package var cpuSecondsPerSeed: Double { cpuSeconds / Double(losses.count) }

    /// SE·√t = sd·√(t/n): the standard error of the mean that one CPU second buys.
    package var unitError: Double { standardError * cpuSeconds.squareRoot() }

    /// The same D and CPU seconds per seed with other losses (a bootstrap replicate).
    package func replacingLosses(_ other: [Double]) -> EstimatorSeeds {
        EstimatorSeeds(sampleCount: sampleCount, losses: other, cpuSeconds: cpuSecondsPerSeed * Double(other.count))
    }
}
