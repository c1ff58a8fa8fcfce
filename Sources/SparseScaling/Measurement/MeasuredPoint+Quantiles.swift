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
    private enum StoredKeys: String, CodingKey {
        case specification, losses, meanObservedCoordinates, meanSeconds
    }

    /// The summary statistics written after the stored fields.
    private struct LossSummary: Encodable {
        let lossMean: Double
        let lossStandardError: Double?
        let lossMedian: Double?
        let lossQuantile10: Double?
        let lossQuantile90: Double?
        let heavyTailed: Bool
        let heavyTailReasons: [HeavyTailAssessment.Reason]

        enum CodingKeys: String, CodingKey {
            case lossMean = "loss_mean", lossStandardError = "loss_se", lossMedian = "loss_median"
            case lossQuantile10 = "loss_q10", lossQuantile90 = "loss_q90", heavyTailed = "heavy_tailed"
            case heavyTailReasons = "heavy_tail_reasons"
        }

        init(_ point: MeasuredPoint) {
            let quantiles = point.lossQuantiles, flag = point.heavyTail
            lossMean = point.lossMean
            lossStandardError = point.lossStandardError
            lossMedian = quantiles?.median
            lossQuantile10 = quantiles?.quantile10
            lossQuantile90 = quantiles?.quantile90
            heavyTailed = flag.isHeavyTailed
            heavyTailReasons = flag.reasons
        }
    }

    /// The stored fields and the summary statistics: mean ± SE, median, 10/90% quantiles and the heavy-tail flag.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: StoredKeys.self)
        try c.encode(specification, forKey: .specification)
        try c.encode(losses, forKey: .losses)
        try c.encode(meanObservedCoordinates, forKey: .meanObservedCoordinates)
        try c.encode(meanSeconds, forKey: .meanSeconds)
        try LossSummary(self).encode(to: encoder)
    }
}
