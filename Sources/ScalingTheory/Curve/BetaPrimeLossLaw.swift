import Foundation
import ScalingAnalysis

/// The law L = offset + scale·(1 + Q) with Q/(1 + Q) ~ Beta(a, b), i.e. Q = χ²_{2a}/χ²_{2b} (independent).
/// With scale = T + G₀, a = r/2 and b = (N − r + 1)/2 it is the exact law of the loss given the data
/// on the overparameterized side, N ≥ r (docs/theory.md §6.1): an F distribution, scaled and shifted.
public struct BetaPrimeLossLaw: Sendable, Hashable, Codable {
    /// The multiplier of 1 + Q (T + G₀ on the overparameterized side).
    public let scale: Double
    /// A fixed part of the loss (0 on the overparameterized side).
    public let offset: Double
    /// Shape a ≥ 0 of the numerator (r/2); a = 0 is the point mass at `scale`.
    public let numeratorShape: Double
    /// Shape b > 0 of the denominator ((N − r + 1)/2).
    public let denominatorShape: Double

    /// A law with scale ≥ 0, a ≥ 0, b > 0, offset ≥ 0.
    public init(scale: Double, numeratorShape: Double, denominatorShape: Double, offset: Double = 0) {
        precondition(scale >= 0 && scale.isFinite, "scale must be finite and ≥ 0")
        precondition(offset >= 0 && offset.isFinite, "offset must be finite and ≥ 0")
        self.offset = offset
        precondition(numeratorShape >= 0 && denominatorShape > 0, "shapes must be a ≥ 0, b > 0")
        self.scale = scale
        self.numeratorShape = numeratorShape
        self.denominatorShape = denominatorShape
    }

    /// The exact law of E[L | data, v] on the overparameterized side, N ≥ r: scale T + G₀,
    /// Q = ‖v‖²/N = χ²_r/χ²_{N−r+1}; nil for N < r.
    public init?(overparameterizedRank r: Int, featureCount n: Int, unfittableMass: Double) {
        guard n >= r, r >= 0 else { return nil }
        self.init(scale: unfittableMass, numeratorShape: Double(r) / 2, denominatorShape: Double(n - r + 1) / 2)
    }

    /// E[L] = offset + scale·(1 + a/(b − 1)); infinite for b ≤ 1 (N ∈ {r, r + 1}).
    public var mean: ConditionalMean {
        if numeratorShape == 0 { return .finite(offset + scale) }
        guard denominatorShape > 1 else { return .infinite }
        return .finite(offset + scale * (1 + numeratorShape / (denominatorShape - 1)))
    }

    /// The smallest possible loss, offset + scale.
    public var minimum: Double { offset + scale }

    /// P(L ≤ loss) = I_{1 − scale/(loss − offset)}(a, b).
    public func cdf(_ loss: Double) -> Double {
        if loss.isNaN { return .nan }
        if loss < offset + scale { return 0 }
        if numeratorShape == 0 || loss == .infinity { return 1 }
        if scale == 0 { return 1 }
        let x = 1 - scale / (loss - offset)
        return IncompleteBeta.regularized(x, a: numeratorShape, b: denominatorShape)
    }

    /// The p-quantile, 0 < p < 1: offset + scale/(1 − x) with x the Beta(a, b) quantile, 1 − x computed directly.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile level must be in (0, 1)")
        if numeratorShape == 0 || scale == 0 { return offset + scale }
        // 1 − x where I_x(a, b) = p, i.e. the (1 − p) quantile of Beta(b, a).
        let complement = IncompleteBeta.inverse(1 - p, a: denominatorShape, b: numeratorShape)
        guard complement > 0 else { return .infinity }
        return offset + scale / complement
    }
}
