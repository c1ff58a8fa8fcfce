/// How a calibration runs: bootstrap size and seed, the reporting compute, the cross-validation folds and
/// how many screened starts each refit refines.
public struct CalibrationSettings: Sendable, Codable, Hashable {
    /// Bootstrap resamples B (0 skips the intervals).
    public var bootstrapResamples: Int
    /// Seed of the resamples and of the fold shuffle.
    public var seed: UInt64
    /// The compute C (FLOP) of the compute-optimal point and tokens per parameter; nil takes 10× the
    /// largest 6ND of the table (the next scale).
    public var compute: Double?
    /// Cross-validation folds k (0 skips the comparison of forms).
    public var folds: Int
    /// Starts refined per refit (bootstrap, folds, the joined law's bases) after screening the grid;
    /// the fit to all runs refines every start.
    public var refinedStarts: Int
    /// The starting grid.
    public var grid: StartGrid
    /// The Huber threshold δ on ln L residuals.
    public var huberDelta: Double

    /// Settings; defaults: B = 200, seed 0, C = 10× the largest, 10 folds, 16 refined starts, Chinchilla's
    /// grid, δ = 10⁻³.
    public init(bootstrapResamples: Int = 200, seed: UInt64 = 0, compute: Double? = nil, folds: Int = 10,
                refinedStarts: Int = 16, grid: StartGrid = .chinchilla, huberDelta: Double = 1e-3) {
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
        self.compute = compute
        self.folds = folds
        self.refinedStarts = refinedStarts
        self.grid = grid
        self.huberDelta = huberDelta
    }
}
