/// Whether the runs show the sparse-feature model's two-exponent regime: β = a/b > 1 at 95% (one-sided,
/// the bootstrap's 5% quantile of β above 1).
public enum AsymmetryVerdict: String, Sendable, Codable, Hashable {
    /// β > 1 at 95%: data scaling is slower than model scaling (α_D < α_N), as sparse features predict.
    case twoExponents = "two_exponents"
    /// β > 1 is not established at 95%: the data do not show the sparse-feature asymmetry.
    case notShown = "not_shown"
    /// No bootstrap was run, so no verdict.
    case undetermined

    /// The verdict from β's one-sided 95% lower bound (nil without a bootstrap).
    public init(betaLowerBound: Double?) {
        guard let betaLowerBound, betaLowerBound.isFinite else { self = .undetermined; return }
        self = betaLowerBound > 1 ? .twoExponents : .notShown
    }
}
