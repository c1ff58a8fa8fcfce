extension SweepResult {
    /// (point, seed) runs whose iterative solver stopped at its cap without converging.
    public var notConvergedRuns: Int { points.reduce(0) { $0 + $1.notConvergedSeeds } }

    /// A line saying how many runs did not converge and that the fit includes them; nil when all converged.
    public var convergenceNote: String? {
        let runs = notConvergedRuns
        guard runs > 0 else { return nil }
        let total = points.reduce(0) { $0 + $1.seedCount }
        let where_ = points.filter { $0.notConvergedSeeds > 0 }.map { "N = \($0.n), D = \($0.d)" }.prefix(5).joined(separator: "; ")
        return "not converged: \(runs) of \(total) runs stopped at the iteration cap (\(where_)); their losses are those of unconverged readouts"
    }
}

extension SweepSeries {
    /// (point, seed) runs of this series whose iterative solver stopped at its cap without converging.
    public var notConvergedRuns: Int { points.reduce(0) { $0 + $1.notConvergedSeeds } }
    /// All (point, seed) runs of this series.
    public var runs: Int { points.reduce(0) { $0 + $1.seedCount } }
}
