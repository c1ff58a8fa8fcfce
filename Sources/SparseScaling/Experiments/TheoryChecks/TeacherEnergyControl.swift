import Foundation
import ScalingTheory

/// A control variate for a loss drawn with one teacher w* (the sample estimator): the weighted teacher
/// energy Σ_{i≤I} λ_i h_i (w*_i² − 1) of each seed's teacher, mean exactly 0 because w*_i ~ N(0, 1)
/// independently of everything else. The weights h_i = P_i (κ/(D λ_i + κ))² (P_i = 1 − (1 − p_i)^D) are the
/// share of coordinate i's signal left unfitted at ridge κ in the diagonal picture (docs/theory.md §6.3): they
/// only choose the control (any weights keep the estimate unbiased), so they need not be exact.
struct TeacherEnergyControl {
    /// λ_i h_i for i = 1…I.
    let weights: [Double]

    /// The control at (α, β, M = ∞), data size D and ridge κ > 0, over the first `coordinates` coordinates.
    init(parameters: DataParameters, sampleCount d: Int, ridge kappa: Double, coordinates: Int) {
        let dd = Double(d)
        weights = (1...max(1, coordinates)).map { i in
            let lambda = parameters.marginalVariance(i)
            let p = parameters.activationProbability(i)
            let observed = -expm1(dd * log1p(-min(p, 1 - 1e-16)))
            let unfitted = kappa / (dd * lambda + kappa)
            return lambda * observed * unfitted * unfitted
        }
    }

    /// The control's value for the teacher of `seed` (the teacher every point of that seed uses).
    func value(seed: UInt64) -> Double {
        let teacher = Teacher(seed: seed)
        var sum = 0.0
        for (j, weight) in weights.enumerated() {
            let w = teacher.weight(j + 1)
            sum += weight * (w * w - 1)
        }
        return sum
    }
}
