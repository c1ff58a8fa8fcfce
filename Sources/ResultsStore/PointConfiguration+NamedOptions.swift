import ScalingVocabulary

extension PointConfiguration {
    /// The options of `extra` that are written by name rather than by their stored code: the sampler,
    /// the loss estimator and the label noise σ.
    static let namedOptionKeys: Set<String> = ["sampler", "estimator_conditional", "noise"]

    /// The sampler, loss estimator and label noise σ of this configuration, as names and a number
    /// (defaults where `extra` leaves them out: per-sample, sample, 0).
    var namedOptions: (sampler: String, estimator: String, labelNoise: Double) {
        let options = Dictionary(CSVExportTable.options(in: extra), uniquingKeysWith: { first, _ in first })
        let code = options["sampler"].flatMap(Double.init)
        let sampler = SamplerVersion.allCases.first { $0.storeNumber == code } ?? .perSample
        let estimator: LossEstimator = options["estimator_conditional"].flatMap(Double.init) == 1 ? .conditional : .sample
        return (sampler.rawValue, estimator.rawValue, options["noise"].flatMap(Double.init) ?? 0)
    }
}
