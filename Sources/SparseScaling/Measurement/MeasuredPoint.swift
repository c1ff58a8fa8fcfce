import ScalingAnalysis

/// One point of a sweep with its per-seed losses aggregated: mean ± standard error over seeds.
public struct MeasuredPoint: Sendable, Codable {
    /// The point (its seed field is meaningless here).
    public let specification: PointSpecification
    /// Losses of the individual seeds, in seed order.
    public let losses: [Double]
    /// Mean observed-coordinate count K over seeds.
    public let meanObservedCoordinates: Double
    /// Mean wall-clock seconds per seed.
    public let meanSeconds: Double
    /// Seeds whose iterative solver stopped at its cap without converging (0 for exact solvers).
    public var notConvergedSeeds: Int = 0
    /// Seeds that reported the exact conditional mean E[L | data] when the point asked for the
    /// conditional estimator (the others fell back to the exact solver, N < r + 2); nil otherwise.
    public var conditionalSeeds: Int? = nil

    /// N.
    public var n: Int { specification.featureCount }
    /// D.
    public var d: Int { specification.sampleCount }
    /// Number of seeds measured.
    public var seedCount: Int { losses.count }
    /// Mean loss over seeds.
    public var lossMean: Double { losses.reduce(0, +) / Double(max(1, losses.count)) }
    /// Standard error of the mean loss; nil for a single seed (no spread is observable).
    public var lossStandardError: Double? {
        guard losses.count > 1 else { return nil }
        let m = lossMean
        let variance = losses.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(losses.count - 1)
        return (variance / Double(losses.count)).squareRoot()
    }

    /// σ², the label-noise variance (0 for noiseless labels); the losses are excess losses.
    public var labelNoiseVariance: Double { specification.labelNoiseVariance }
    /// The mean test loss, mean excess loss + σ².
    public var testLossMean: Double { lossMean + labelNoiseVariance }

    /// This point as (x, mean loss ± SE) for fitting against the swept variable.
    public func scalingPoint(along variable: SweptVariable) -> ScalingPoint {
        ScalingPoint(x: Double(variable == .n ? n : d), y: lossMean, standardError: lossStandardError)
    }
}
