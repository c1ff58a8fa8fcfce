/// The finite-N correction of the underparameterized deterministic equivalent (docs/theory.md §6.2),
/// whose plain form is (B + U)·N/(N − df₂).
public enum FiniteSizeCorrection: Sendable, Hashable, Codable {
    /// A fixed shift c, the loss times (N − c)/(N − c − df₂): c = 0 is the plain deterministic equivalent,
    /// c = ½ an empirical shift (1–27% high for N ≤ r/2 on the sparse spectra of docs/theory.md §6.2).
    case shift(Double)
    /// c = 0 on the fitted (bias) part and c = df₂/N on the unfittable part T + G₀: both exact when
    /// every nonzero eigenvalue of A is equal (A = I), where E‖v‖²/N = N/(r − N − 1).
    case isotropic
    /// The equivalent plus its 1/N term for a real Gaussian sketch (docs/theory.md §6.2, "second order"):
    /// derived, exact to that order for A = I, and within 3.1% (mostly 1%) of a Monte Carlo over W for N ≤ r/2.
    case secondOrder

    /// c = ½, the empirical shift docs/theory.md §6.2 measures against the second-order correction.
    public static let half = FiniteSizeCorrection.shift(0.5)

    /// The correction every prediction uses unless told otherwise (docs/theory.md §6.2).
    public static let standard = FiniteSizeCorrection.secondOrder

    /// The mean loss from the sketch's traces; nil where the correction puts N at or past its pole
    /// (or, for `secondOrder`, where the expansion gives no positive finite value).
    func loss(_ t: SketchTraces) -> Double? {
        let n = t.featureCount, df2 = t.secondMoment
        switch self {
        case let .shift(c):
            let denominator = n - c - df2
            guard denominator > 0 else { return nil }
            return (t.bias + t.unfittable) * (n - c) / denominator
        case .isotropic:
            let biasDenominator = n - df2
            let varianceDenominator = n - df2 - df2 / n
            guard biasDenominator > 0, varianceDenominator > 0 else { return nil }
            return t.bias * n / biasDenominator + t.unfittable * (1 + df2 / varianceDenominator)
        case .secondOrder:
            return Self.secondOrderLoss(t)
        }
    }

    /// E[L | data] to order 1/N for a real Gaussian sketch (docs/theory.md §6.2): with b = N − m₂,
    /// a = m₂ − m₃, V = m₂/b, the fitted part Σ g_j y_j²(1 + V + δV + c₁x_j + c₂x_j²) plus U(1 + V + δV).
    static func secondOrderLoss(_ t: SketchTraces) -> Double? {
        let n = t.featureCount, m2 = t.secondMoment, m3 = t.thirdMoment, m4 = t.fourthMoment
        let b = n - m2, a = m2 - m3
        guard b > 0 else { return nil }
        let v = m2 / b
        let varianceShift = (-2 * m3 + 3 * m4 + v * (2 * m2 - 5 * m3 + 3 * m4) + a * v) / (b * b)
            - 4 * a * (m3 - v * a) / (b * b * b)
        let c1 = -2 * (1 + v) * a / (b * b) - 2 * (m2 * (a + b) / b - m3) / (b * b)
        let c2 = 3 * (1 + v) / b
        let (b2, b3, b4) = (t.bias, t.thirdBiasMoment, t.fourthBiasMoment)
        // Σ g y² x = B₂ − B₃ and Σ g y² x² = B₂ − 2B₃ + B₄.
        let fitted = (1 + v + varianceShift) * b2 + c1 * (b2 - b3) + c2 * (b2 - 2 * b3 + b4)
        let loss = fitted + t.unfittable * (1 + v + varianceShift)
        guard loss.isFinite, loss > 0 else { return nil }
        return loss
    }
}
