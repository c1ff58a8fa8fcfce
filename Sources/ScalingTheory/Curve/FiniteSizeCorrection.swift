/// The finite-N correction of the underparameterized deterministic equivalent (docs/theory.md §6.2),
/// which multiplies the loss by (N − c)/(N − c − df₂).
public enum FiniteSizeCorrection: Sendable, Hashable, Codable {
    /// A fixed shift c: c = 0 is the plain deterministic equivalent, c = ½ the empirical default.
    case shift(Double)
    /// c = 0 on the fitted (bias) part and c = df₂/N on the unfittable part T + G₀: both exact when
    /// every nonzero eigenvalue of A is equal (A = I), where E‖v‖²/N = N/(r − N − 1).
    case isotropic

    /// The empirical default of docs/theory.md §6.2, c = ½.
    public static let half = FiniteSizeCorrection.shift(0.5)

    /// The loss given the bias term B = κ² Σ g_j/(s_j + κ)², the unfittable mass U = T + G₀ and the
    /// traces N and df₂; nil where the correction puts N at or past its pole.
    func loss(bias: Double, unfittable: Double, featureCount n: Double, df2: Double) -> Double? {
        switch self {
        case let .shift(c):
            let denominator = n - c - df2
            guard denominator > 0 else { return nil }
            return (bias + unfittable) * (n - c) / denominator
        case .isotropic:
            let biasDenominator = n - df2
            let varianceDenominator = n - df2 - df2 / n
            guard biasDenominator > 0, varianceDenominator > 0 else { return nil }
            return bias * n / biasDenominator + unfittable * (1 + df2 / varianceDenominator)
        }
    }
}
