/// The traces of a Gaussian sketch of size N at its effective ridge κ (docs/theory.md §6.2) that the
/// finite-N corrections read: with x_j = s_j/(s_j + κ) and y_j = 1 − x_j, the moments m_k = Σ_j x_j^k
/// (m₁ = N by κ's equation) and the bias moments B_k = Σ_j g_j y_j^k over the range of A.
public struct SketchTraces: Sendable, Hashable {
    /// N, the sketch size (= m₁).
    public var featureCount: Double
    /// m₂ = df₂ = Σ x_j², m₃ = Σ x_j³, m₄ = Σ x_j⁴.
    public var secondMoment: Double, thirdMoment: Double, fourthMoment: Double
    /// B₂ = κ² Σ g_j/(s_j + κ)² (the ridge bias), B₃ = Σ g_j y_j³, B₄ = Σ g_j y_j⁴.
    public var bias: Double, thirdBiasMoment: Double, fourthBiasMoment: Double
    /// U = T + G₀, the mass no readout can fit.
    public var unfittable: Double

    /// Traces from their parts (moments of x_j and of g_j y_j as named above).
    public init(featureCount: Double, secondMoment: Double, thirdMoment: Double, fourthMoment: Double,
                bias: Double, thirdBiasMoment: Double, fourthBiasMoment: Double, unfittable: Double) {
        self.featureCount = featureCount
        self.secondMoment = secondMoment
        self.thirdMoment = thirdMoment
        self.fourthMoment = fourthMoment
        self.bias = bias
        self.thirdBiasMoment = thirdBiasMoment
        self.fourthBiasMoment = fourthBiasMoment
        self.unfittable = unfittable
    }
}
