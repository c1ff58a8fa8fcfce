/// Which size a sweep varies.
public enum SweptVariable: String, Sendable, Codable {
    /// The number of features N (model size).
    case n
    /// The number of samples D (data size).
    case d
}

/// A grid of points (N values × D values, or N = C·D for each D) measured over several seeds.
package struct SweepPlan: Sendable {
    /// The options shared by every point (its N, D and seed are replaced).
    public var base: PointSpecification
    /// The N values.
    public var featureCounts: [Int]
    /// The D values.
    public var sampleCounts: [Int]
    /// When set, N = round(C·D) for each D and `featureCounts` is ignored.
    public var featuresPerSample: Double?
    /// The seeds each point is measured with.
    public var seeds: [UInt64]

    /// A plan over the given sizes and seeds.
    public init(base: PointSpecification, featureCounts: [Int], sampleCounts: [Int], featuresPerSample: Double? = nil, seeds: [UInt64]) {
        self.base = base
        self.featureCounts = featureCounts
        self.sampleCounts = sampleCounts
        self.featuresPerSample = featuresPerSample
        self.seeds = seeds
    }

    /// The seed-less point specifications, in a deterministic order (D outer, N inner).
    public var points: [PointSpecification] {
        var list: [PointSpecification] = []
        for d in sampleCounts {
            let ns = featuresPerSample.map { [Int((Double(d) * $0).rounded())] } ?? featureCounts
            for n in ns {
                var p = base
                p.featureCount = n
                p.sampleCount = d
                p.seed = 0
                list.append(p)
            }
        }
        return list
    }

    /// The variable that varies (D when N is tied to D or only D varies); nil for a single point or a 2-D grid.
    public var sweptVariable: SweptVariable? {
        if featuresPerSample != nil { return sampleCounts.count > 1 ? .d : nil }
        if featureCounts.count > 1, sampleCounts.count == 1 { return .n }
        if sampleCounts.count > 1, featureCounts.count == 1 { return .d }
        return nil
    }
}
