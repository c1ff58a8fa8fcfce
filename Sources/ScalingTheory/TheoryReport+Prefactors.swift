import Foundation

extension ScalingLaw {
    /// What the law means, in words.
    public var explanation: String {
        switch self {
        case .oneExponent:
            "one exponent (β ≤ 1): loss falls as N^−(α+β) with model size and as D^−(α+β) with data size, as for dense features"
        case .twoExponent:
            "two exponents (β > 1): loss falls as N^−(α+β) with model size but only as D^−(α+β)/β with data size, β times slower"
        }
    }
}

extension TheoryReport {
    /// c_K = Γ(1 − 1/β) for β > 1; nil for β ≤ 1 and beyond the Double range.
    static func observedCoordinatesPrefactor(beta: Double) -> Double? {
        guard beta > 1 else { return nil }
        let value = exp(lgamma(1 - 1 / beta))
        return value.isFinite ? value : nil
    }

    /// c_L = (1/β)·Γ((α+β)/β) for β > 1; nil for β ≤ 1 and beyond the Double range.
    static func modelRichLossPrefactor(alpha: Double, beta: Double) -> Double? {
        guard beta > 1 else { return nil }
        let value = exp(lgamma((alpha + beta) / beta) - log(beta))
        return value.isFinite && value > 0 ? value : nil
    }
}
