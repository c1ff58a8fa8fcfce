import Foundation

/// What the index cap leaves out when M = ∞: no coordinate beyond `SparseSampler.indexCap` is ever
/// drawn (either sampler), so those coordinates are never observed and their variance always counts in
/// the tail. Its share of the total variance Σ_i λ_i, and the expected number of active entries beyond
/// it in D samples, which bounds what the cap takes from K.
public struct IndexCapLoss: Sendable, Equatable {
    /// The last coordinate drawn.
    public let cap: Int
    /// Σ_{i > cap} λ_i / Σ_i λ_i.
    public let varianceFraction: Double
    /// D·Σ_{i > cap} p_i: active entries D samples would have had beyond the cap.
    public let entriesBeyond: Double

    /// The cap's loss for `parameters` and D = `sampleCount`, or nil for finite M (no cap).
    public init?(parameters: DataParameters, sampleCount: Int) {
        guard parameters.inputDimension == .infinite else { return nil }
        let cap = SparseSampler.indexCap
        self.cap = cap
        let s = parameters.varianceExponent
        varianceFraction = Zeta.powerSum(s, from: cap + 1, through: nil) / Zeta.riemann(s)
        let beyond = Zeta.powerSum(parameters.beta, from: cap + 1, through: nil)
        entriesBeyond = Double(sampleCount) * beyond
        entryFraction = beyond / Zeta.riemann(parameters.beta)
    }

    /// Σ_{i > cap} p_i / Σ_i p_i: the share of a sample's active entries the cap leaves out.
    public let entryFraction: Double

    /// The largest `entryFraction` a sampled point accepts (1%: β ≥ 1.11); beyond, the data drawn are
    /// no longer those of M = ∞.
    public static let maximumEntryFraction = 0.01

    /// Whether the cap changes nothing measurable: fewer than 0.01 expected entries of the D samples lie
    /// beyond it (so K and A equal the uncapped draw's with probability > 99%) and less than 10⁻¹² of Σλ_i.
    public var isNegligible: Bool { entriesBeyond < 0.01 && varianceFraction < 1e-12 }

    /// The cap as a power of two: 62 for 2^62.
    public var capExponent: Int { Int(log2(Double(cap)).rounded()) }

    /// One line for reports, e.g. "coordinates ≤ 2^62 drawn: beyond lie 3.1e-23 of Σλ_i and 9.3e+03 expected entries of the D samples".
    public var description: String {
        String(format: "coordinates ≤ 2^%d drawn: beyond lie a fraction %.2g of Σλ_i and %.2g expected entries of the D samples (K loses at most that)",
               capExponent, varianceFraction, entriesBeyond)
    }
}
