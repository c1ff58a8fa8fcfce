/// The "mc" curve: the loss given the data (docs/theory.md §6.1/§6.2) averaged over sampled training sets,
/// with no embedding or teacher drawn. Its mean is E[L] up to the sampling error of the training sets.
public enum InstanceAveragedCurve {
    /// Per model size: the mean of E[L | data] over `spectra` (nil if any is infinite); the median and
    /// 10/90% quantiles of the equal-weight mixture of the exact laws when every set has r ≤ N (else nil);
    /// the region from the sets' ranks (over if all r ≤ N − 2, under if all r ≥ N + 2, else the band).
    public static func points(spectra: [DataSpectrum], featureCounts: [Int], sampleCount: Int,
                              correction: FiniteSizeCorrection = .standard) -> [PredictedLossPoint] {
        precondition(!spectra.isEmpty, "the mc curve needs at least one training set")
        return featureCounts.map { n in
            let means = spectra.map { $0.conditionalMeanLoss(featureCount: n, correction: correction).value }
            let mean: Double? = means.contains { $0 == nil }
                ? nil : means.reduce(0) { $0 + $1! } / Double(means.count)
            let region: CurveRegion
            if spectra.allSatisfy({ $0.rank <= n - 2 }) {
                region = .overparameterized
            } else if spectra.allSatisfy({ $0.rank >= n + 2 }) {
                region = .underparameterized
            } else {
                region = .peakBand
            }
            let laws = spectra.compactMap { $0.conditionalLossLaw(featureCount: n) }
            var median: Double?, q10: Double?, q90: Double?
            if laws.count == spectra.count {
                let mixture = LossLawMixture(components: laws.map { .init(weight: 1, law: $0) })
                median = mixture.quantile(0.5)
                q10 = mixture.quantile(0.1)
                q90 = mixture.quantile(0.9)
            }
            return PredictedLossPoint(featureCount: n, sampleCount: sampleCount, mean: mean, median: median,
                                      quantile10: q10, quantile90: q90, method: .instanceAverage, region: region)
        }
    }
}
