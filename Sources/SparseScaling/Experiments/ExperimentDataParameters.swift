extension DataParameters {
    /// The input dimension the experiments use for β ≤ 1, where M = ∞ is not a distribution: 2^20.
    package static let experimentFiniteDimension = 1 << 20

    /// The data of an experiment at (α, β): M = ∞ for β > 1, M = 2^20 otherwise
    /// (`experimentFiniteDimension`; `experimentDimensionNote` says so in the experiment's output).
    package static func experiment(alpha: Double, beta: Double) throws -> DataParameters {
        try DataParameters(alpha: alpha, beta: beta, inputDimension: beta > 1 ? .infinite : .finite(experimentFiniteDimension))
    }

    /// The note an experiment prints when it runs on the finite M of β ≤ 1; nil for M = ∞.
    package static func experimentDimensionNote(beta: Double) -> String? {
        beta > 1 ? nil : "β = \(beta) ≤ 1 has no M = ∞ distribution: the experiment uses M = 2^20 = \(experimentFiniteDimension)"
    }
}
