import Foundation

/// One held-out run's Huber loss ρ_δ(ln L̂ − ln L) under each form.
public struct HeldOutScore: Sendable, Codable, Hashable {
    /// The run's index in the table (0-based).
    public var run: Int
    /// The fold that held it out.
    public var fold: Int
    /// Its score under the additive fit to the other folds.
    public var additive: Double
    /// Its score under the joined fit to the other folds.
    public var joined: Double
}

/// The held-out comparison of the two forms: per-run scores and the mean paired difference (joined −
/// additive; negative favours the joined form) with its standard error over runs and over folds.
public struct CrossValidationResult: Sendable, Codable, Hashable {
    /// Number of folds k.
    public var folds: Int
    /// Seed of the fold shuffle.
    public var seed: UInt64
    /// The Huber threshold δ of the scores.
    public var delta: Double
    /// Every run's held-out scores, in table order.
    public var scores: [HeldOutScore]

    /// Mean held-out score of the additive form.
    public var additiveMean: Double { mean(scores.map(\.additive)) }
    /// Mean held-out score of the joined form.
    public var joinedMean: Double { mean(scores.map(\.joined)) }
    /// Mean of joined − additive over held-out runs.
    public var difference: Double { mean(differences) }
    /// Standard error of `difference` over runs (paired: sd of the per-run differences / √n).
    public var standardError: Double { (variance(differences) / Double(scores.count)).squareRoot() }
    /// Standard error of `difference` over folds (sd of the k fold means / √k): coarser, and robust to
    /// runs of one fold sharing a fit.
    public var foldStandardError: Double {
        let means = (0..<folds).map { k in mean(scores.filter { $0.fold == k }.map { $0.joined - $0.additive }) }
        return (variance(means) / Double(folds)).squareRoot()
    }
    /// Which form predicts held-out runs better: the one of lower mean score when the difference is beyond
    /// 1.96 of the larger of the two standard errors; nil when it is not (no detectable difference).
    public var preferred: LawShape? {
        let se = max(standardError, foldStandardError)
        guard abs(difference) > 1.96 * se else { return nil }
        return difference < 0 ? .joined : .additive
    }

    private var differences: [Double] { scores.map { $0.joined - $0.additive } }
    private func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(max(x.count, 1)) }
    private func variance(_ x: [Double]) -> Double {
        let m = mean(x)
        return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(x.count - 1, 1))
    }
}
