import ResultsStore
import ScalingAnalysis

/// The unobserved mass T = Σ_{i∉S} λ_i of each seed's training set at one (α, β, D), read back from the
/// seed's conditional-estimator rows (there lossTail = T·(N − 1)/(N − 1 − r), noiseless labels), with its
/// exact expectation E[T] = Σ λ_i (1 − p_i)^D: a control variate for every N of the curve, since a
/// seed draws the same training set at every N.
struct UnobservedMassControl {
    /// T per seed, for the seeds with at least one conditional row.
    let massBySeed: [UInt64: Double]
    /// E[T], exact.
    let expectedMass: Double

    /// The control from the rows of every N of one setting and E[T].
    init(rows: [StoredPoint], expectedMass: Double) {
        var mass: [UInt64: Double] = [:]
        for row in rows where row.result.extras["conditional_estimate"] == 1 && (row.result.extras["noise_variance"] ?? 0) == 0 {
            let n = Double(row.configuration.n), r = Double(row.result.rank)
            guard n - 1 - r > 0 else { continue }
            mass[row.seed] = row.result.lossTail * (n - 1 - r) / (n - 1)
        }
        massBySeed = mass
        self.expectedMass = expectedMass
    }

    /// Each row's T in row order; nil unless every row's seed has its T.
    func masses(of rows: [StoredPoint]) -> [Double]? {
        var masses: [Double] = []
        for row in rows {
            guard let t = massBySeed[row.seed] else { return nil }
            masses.append(t)
        }
        return masses
    }
}
