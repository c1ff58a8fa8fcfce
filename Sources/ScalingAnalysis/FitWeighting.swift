/// How points are weighted in a least-squares fit on log–log axes.
public enum FitWeighting: String, Sendable, Codable, Hashable, CaseIterable {
    /// Every point counts equally in log y (the default; robust when standard errors are noisy).
    case unweighted
    /// Weight (y/SE)², the inverse variance of log y to first order. The weights are relative:
    /// the residual variance is still estimated from the scatter (as scipy's `absolute_sigma=False`).
    case inverseVariance
}
