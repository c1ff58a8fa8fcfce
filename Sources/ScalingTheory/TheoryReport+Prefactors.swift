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
    /// c_K in E[K(D)] ≈ c_K·D^(1/β): Γ(1 − 1/β) for β > 1 (M = ∞ or D ≪ M^β); nil for β ≤ 1, where K grows
    /// linearly, and when it leaves the Double range.
    public var observedCoordinatesPrefactor: Double? {
        guard beta > 1 else { return nil }
        let value = exp(lgamma(1 - 1 / beta))
        return value.isFinite ? value : nil
    }

    /// c_L in the model-rich loss L(D) ≈ c_L·D^(−(α+β)/β): (1/β)·Γ((α+β)/β) for β > 1; nil for β ≤ 1 and
    /// when it leaves the Double range.
    public var modelRichLossPrefactor: Double? {
        guard beta > 1 else { return nil }
        let value = exp(lgamma((alpha + beta) / beta) - log(beta))
        return value.isFinite && value > 0 ? value : nil
    }
}

extension TheoryReport {
    /// Keys of the quantities derived from the stored ones (written, not decoded).
    enum DerivedKeys: String, CodingKey {
        case lawExplanation = "law_explanation"
        case observedCoordinatesPrefactor = "observed_coordinates_prefactor"
        case modelRichLossPrefactor = "model_rich_loss_prefactor"
    }

    /// Writes the law in words and the prefactors (null where the theory has none).
    func encodeDerived(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DerivedKeys.self)
        try c.encode(law.explanation, forKey: .lawExplanation)
        try c.encode(observedCoordinatesPrefactor, forKey: .observedCoordinatesPrefactor)
        try c.encode(modelRichLossPrefactor, forKey: .modelRichLossPrefactor)
    }
}
