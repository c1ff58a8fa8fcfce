import ScalingAnalysis

extension MeasuredPoint {
    /// Median, 10/90% quantiles and the median's order-statistic 95% interval of the per-seed losses
    /// (nil for no seed or a non-finite loss).
    public var lossQuantiles: SampleQuantiles? { try? SampleQuantiles(samples: losses) }

    /// Median loss over seeds (NaN without seeds).
    public var lossMedian: Double { lossQuantiles?.median ?? .nan }

    /// Whether the mean loss is meaningful here (see `HeavyTailAssessment` for the rule).
    public var heavyTail: HeavyTailAssessment { HeavyTailAssessment(specification: specification, losses: losses) }
}

extension MeasuredPoint {
    private enum SummaryKeys: String, CodingKey {
        case specification, losses, meanObservedCoordinates, meanSeconds
        case lossMean = "loss_mean", lossStandardError = "loss_se", lossMedian = "loss_median"
        case lossQuantile10 = "loss_q10", lossQuantile90 = "loss_q90", heavyTailed = "heavy_tailed"
        case heavyTailReasons = "heavy_tail_reasons"
    }

    /// The stored fields and the summary statistics: mean ± SE, median, 10/90% quantiles and the heavy-tail flag.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: SummaryKeys.self)
        try c.encode(specification, forKey: .specification)
        try c.encode(losses, forKey: .losses)
        try c.encode(meanObservedCoordinates, forKey: .meanObservedCoordinates)
        try c.encode(meanSeconds, forKey: .meanSeconds)
        try c.encode(lossMean, forKey: .lossMean)
        try c.encode(lossStandardError, forKey: .lossStandardError)
        let q = lossQuantiles
        try c.encodeIfPresent(q?.median, forKey: .lossMedian)
        try c.encodeIfPresent(q?.quantile10, forKey: .lossQuantile10)
        try c.encodeIfPresent(q?.quantile90, forKey: .lossQuantile90)
        let flag = heavyTail
        try c.encode(flag.isHeavyTailed, forKey: .heavyTailed)
        try c.encode(flag.reasons, forKey: .heavyTailReasons)
    }
}
