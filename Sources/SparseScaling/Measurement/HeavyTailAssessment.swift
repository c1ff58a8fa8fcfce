import Foundation
import ScalingAnalysis

/// Whether a measured point's mean loss means anything. Rule (docs/theory.md §6.1): flagged when
/// (1) the point lies in the predicted peak band of a ridgeless exact linear model, where E[L] = ∞ —
///     sparse data: `LossCurvePredictor.region(featureCount:)` is `.peakBand`, i.e. P(K ≥ N − 1) and
///     P(K ≤ N + 1) both ≥ 10⁻³ (K standing in for the rank r); dense data: |N − min(D, M)| ≤ 1;
/// or (2) with at least 3 seeds, the largest seed's loss is more than half the sum over seeds;
/// or (3) with at least 5 seeds, the mean lies above the 90% quantile (a few seeds set it).
/// A flagged point reports its median and quantiles; its mean and SE are seed noise.
public struct HeavyTailAssessment: Sendable, Hashable, Codable {
    /// Why a point is flagged.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// N is in the predicted peak band, where the mean loss is infinite.
        case peakBand = "peak band"
        /// One seed's loss is more than half the sum over seeds.
        case dominantSeed = "one seed dominates"
        /// The mean lies above the 90% quantile of the seeds' losses.
        case meanAboveUpperDecile = "mean above the 90% quantile"
    }

    /// The reasons that apply (empty: the mean is usable).
    public let reasons: [Reason]

    /// Whether the mean is not meaningful.
    public var isHeavyTailed: Bool { !reasons.isEmpty }

    /// "heavy-tailed: mean not meaningful (peak band)" for a flagged point, nil otherwise.
    public var note: String? {
        isHeavyTailed ? "heavy-tailed: mean not meaningful (\(reasons.map(\.rawValue).joined(separator: ", ")))" : nil
    }

    /// The largest seed's share of the sum above which one seed dominates the mean.
    public static let dominantShare = 0.5
    /// Seeds needed before the dominance rule applies (with two, one seed always holds ≥ half).
    public static let dominanceMinimumSeeds = 3
    /// Seeds needed before the mean-above-the-90%-quantile rule applies.
    public static let upperDecileMinimumSeeds = 5

    /// The assessment of a point with per-seed `losses`.
    public init(specification: PointSpecification, losses: [Double]) {
        self.reasons = (Self.inPeakBand(specification) ? [.peakBand] : []) + Self.seedReasons(losses)
    }

    /// The reasons read from the seeds' losses alone: one seed dominates, or the mean is above the 90% quantile.
    public static func seedReasons(_ losses: [Double]) -> [Reason] {
        guard losses.count >= dominanceMinimumSeeds, losses.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return [] }
        var reasons: [Reason] = []
        let sum = losses.reduce(0, +)
        if sum > 0, (losses.max() ?? 0) / sum > dominantShare { reasons.append(.dominantSeed) }
        if losses.count >= upperDecileMinimumSeeds,
           sum / Double(losses.count) > SampleQuantiles.quantile(losses.sorted(), 0.9) {
            reasons.append(.meanAboveUpperDecile)
        }
        return reasons
    }

    /// Whether `s` is a ridgeless exact linear point whose N lies in the predicted peak band.
    public static func inPeakBand(_ s: PointSpecification) -> Bool {
        guard s.features == .linear, s.ridge == 0, s.solver == .reduced || s.solver == .direct else { return false }
        let n = s.featureCount, d = s.sampleCount
        switch s.data {
        case .dense:
            let rank = min(d, s.parameters.inputDimension.finiteValue ?? d)
            return abs(n - rank) <= 1
        case .sparse:
            return RankLawCache.shared.region(parameters: s.parameters, sampleCount: d, featureCount: n) == .peakBand
        }
    }
}

/// The law of K per (α, β, M, D), built once per process (a sweep asks for every point).
final class RankLawCache: @unchecked Sendable {
    static let shared = RankLawCache()
    private let lock = NSLock()
    private var laws: [Key: ObservedCoordinateLaw] = [:]

    private struct Key: Hashable {
        let alpha: Double, beta: Double, m: Int?, d: Int
    }

    /// The region of N at D, with `LossCurvePredictor`'s rule and default band probability.
    func region(parameters: DataParameters, sampleCount d: Int, featureCount n: Int) -> CurveRegion {
        let key = Key(alpha: parameters.alpha, beta: parameters.beta, m: parameters.inputDimension.finiteValue, d: d)
        lock.lock()
        let cached = laws[key]
        lock.unlock()
        let law = cached ?? ObservedCoordinateLaw(parameters: parameters, sampleCount: Double(max(1, d)))
        if cached == nil {
            lock.lock()
            laws[key] = law
            lock.unlock()
        }
        let epsilon = CurvePredictionOptions().bandProbability
        if law.survival(n - 2) < epsilon { return .overparameterized }
        if law.cdf(n + 1) < epsilon { return .underparameterized }
        return .peakBand
    }
}
