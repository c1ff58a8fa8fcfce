import Foundation
import ScalingAnalysis

/// The one-sided stable law of index ½ (Lévy) with scale c: the law of c/Z², Z ~ N(0, 1)
/// (docs/theory.md §7.4). CDF erfc(√(c/(2x))); a sum of independent Lévy(c_j) is Lévy((Σ√c_j)²); infinite mean.
public struct StableHalfLaw: Sendable, Hashable, Codable {
    /// The scale c > 0.
    public let scale: Double

    /// The law of `scale`/Z².
    public init(scale: Double) { self.scale = scale }

    /// P(X ≤ x) = erfc(√(c/(2x))) = 2Φ(−√(c/x)) for x > 0, 0 otherwise.
    public func cdf(_ x: Double) -> Double { x <= 0 ? 0 : 2 * StandardNormal.cdf(-(scale / x).squareRoot()) }

    /// The q-quantile c/Φ⁻¹(q/2)² = c/(2·erfc⁻¹(q)²), 0 < q < 1 (median ≈ 2.198·c), to the accuracy of Φ⁻¹.
    public func quantile(_ q: Double) -> Double {
        let z = StandardNormal.quantile(q / 2)
        return scale / (z * z)
    }
}
