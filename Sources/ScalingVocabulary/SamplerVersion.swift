/// Which sampler draws a point's sparse training data. Both give A = X_S X_Sᵀ and S the same law;
/// their random streams differ, so a result is reproducible only under the version that made it.
public enum SamplerVersion: String, Sendable, Codable, CaseIterable {
    /// Every sample drawn one by one (`SparseSampler`); the data themselves are available.
    case perSample = "per-sample"
    /// Only the samples touching a non-hub coordinate drawn one by one, the rest aggregated by hub
    /// pattern (`SublinearSampler`, docs/theory.md §8); the data are replaced by equivalent columns.
    case sublinear
}

extension SamplerVersion {
    /// The version number a store records (`sampler=2` in a configuration's extra options; per-sample,
    /// version 1, is never written).
    public var storeNumber: Double {
        switch self {
        case .perSample: return 1
        case .sublinear: return 2
        }
    }
}
