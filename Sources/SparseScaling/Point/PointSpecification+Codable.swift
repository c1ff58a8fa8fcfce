extension PointSpecification {
    private enum CodingKeys: String, CodingKey {
        case parameters, featureCount, sampleCount, data, features, solver, ridge, tail, tolerance, seed
        case optimization, sampler, estimator, noise
    }

    /// Decodes a specification; one without a sampler (written before there was a choice) is per-sample,
    /// one without an estimator uses the sample estimator, one without label noise is noiseless.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            parameters: try c.decode(DataParameters.self, forKey: .parameters),
            featureCount: try c.decode(Int.self, forKey: .featureCount),
            sampleCount: try c.decode(Int.self, forKey: .sampleCount),
            data: try c.decode(DataKind.self, forKey: .data),
            features: try c.decode(FeatureMap.self, forKey: .features),
            solver: try c.decode(SolverKind.self, forKey: .solver),
            ridge: try c.decode(Double.self, forKey: .ridge),
            tail: try c.decode(TailEstimator.self, forKey: .tail),
            tolerance: try c.decodeIfPresent(Double.self, forKey: .tolerance),
            seed: try c.decode(UInt64.self, forKey: .seed),
            optimization: try c.decode(OptimizationSettings.self, forKey: .optimization),
            sampler: try c.decodeIfPresent(SamplerVersion.self, forKey: .sampler) ?? .perSample,
            labelNoise: try c.decodeIfPresent(Double.self, forKey: .noise) ?? 0)
        estimator = try c.decodeIfPresent(LossEstimator.self, forKey: .estimator) ?? .sample
    }

    /// Encodes every field; the sampler, the loss estimator and the noise only when they are not the
    /// defaults, so that a default specification keeps the encoding it had before they could be chosen.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(featureCount, forKey: .featureCount)
        try c.encode(sampleCount, forKey: .sampleCount)
        try c.encode(data, forKey: .data)
        try c.encode(features, forKey: .features)
        try c.encode(solver, forKey: .solver)
        try c.encode(ridge, forKey: .ridge)
        try c.encode(tail, forKey: .tail)
        try c.encodeIfPresent(tolerance, forKey: .tolerance)
        try c.encode(seed, forKey: .seed)
        try c.encode(optimization, forKey: .optimization)
        if sampler != .perSample { try c.encode(sampler, forKey: .sampler) }
        if estimator != .sample { try c.encode(estimator, forKey: .estimator) }
        if labelNoise != 0 { try c.encode(labelNoise, forKey: .noise) }
    }
}
