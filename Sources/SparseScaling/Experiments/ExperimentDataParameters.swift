extension DataParameters {
    /// The input dimension the experiments use for β ≤ 1, where M = ∞ is not a distribution: 2^20.
    package static let experimentFiniteDimension = 1 << 20

    /// The data of an experiment at (α, β): M = ∞ where it can be drawn (β > 1 and at most
    /// `IndexCapLoss.maximumEntryFraction` of the entries beyond the index cap: β ≥ 1.11), M = 2^20 otherwise
    /// (`experimentFiniteDimension`; `experimentDimensionNote` says so in the experiment's output).
    package static func experiment(alpha: Double, beta: Double) throws -> DataParameters {
        try DataParameters(alpha: alpha, beta: beta, inputDimension: experimentUsesInfiniteDimension(beta: beta) ? .infinite : .finite(experimentFiniteDimension))
    }

    /// Whether the experiments run at M = ∞ for this β: β > 1 and the index cap loses at most
    /// `IndexCapLoss.maximumEntryFraction` of a sample's active entries (a fraction independent of D and α).
    package static func experimentUsesInfiniteDimension(beta: Double) -> Bool {
        guard beta > 1, let infinite = try? DataParameters(alpha: 0, beta: beta, inputDimension: .infinite),
              let cap = IndexCapLoss(parameters: infinite, sampleCount: 1)
        else { return false }
        return cap.entryFraction <= IndexCapLoss.maximumEntryFraction
    }

    /// The note an experiment prints when it runs on a finite M (β ≤ 1, or β too close to 1 for M = ∞); nil for M = ∞.
    package static func experimentDimensionNote(beta: Double) -> String? {
        if experimentUsesInfiniteDimension(beta: beta) { return nil }
        return (beta > 1 ? "β = \(beta) is too close to 1 for M = ∞ (more than \(Int(100 * IndexCapLoss.maximumEntryFraction))% of the entries would lie beyond the index cap)"
                         : "β = \(beta) ≤ 1 has no M = ∞ distribution") + ": the experiment uses M = 2^20 = \(experimentFiniteDimension)"
    }
}
