/// Settings a run imposes on every point it measures (the command's σ and loss estimator): applied once,
/// to each point before it is planned, its memory estimated, or it is measured.
public struct PointOverrides: Sendable, Hashable {
    /// Label-noise σ given to every point that has none of its own (0: each point as given).
    public var labelNoise: Double = 0
    /// `conditional`: the loss estimator of every point it applies to (sparse data, linear features,
    /// reduced solver, no ridge); `sample` leaves each point's own estimator.
    public var estimator: LossEstimator = .sample

    /// No overrides.
    public init(labelNoise: Double = 0, estimator: LossEstimator = .sample) {
        self.labelNoise = labelNoise
        self.estimator = estimator
    }

    /// `point` with these overrides.
    public func apply(to point: PointSpecification) -> PointSpecification {
        var copy = point
        if labelNoise != 0, copy.labelNoise == 0 { copy.labelNoise = labelNoise }
        if estimator != .sample {
            var estimated = copy
            estimated.estimator = estimator
            if (try? estimated.checkEstimatorCombination()) != nil { copy = estimated }
        }
        return copy
    }
}

extension PlannedBatch {
    /// The batch with `overrides` applied to every point.
    package func applying(_ overrides: PointOverrides) -> PlannedBatch {
        PlannedBatch(label: label, points: points.map(overrides.apply))
    }
}
