import Foundation

extension PointSpecification {
    /// Throws when M = ∞ and β is so close to 1 that more than `IndexCapLoss.maximumEntryFraction` of
    /// a sample's active entries lie beyond the index cap, which no sampler draws (sparse data only).
    func validateIndexCap() throws {
        guard data == .sparse, let cap = IndexCapLoss(parameters: parameters, sampleCount: sampleCount),
              !(cap.entryFraction <= IndexCapLoss.maximumEntryFraction)
        else { return }
        throw ParameterError.incompatible(
            parameter: .inputDimension, value: "inf", allowed: "a finite M", other: .beta, otherValue: "\(parameters.beta)",
            reason: String(format: "%.2g%% of a sample's active entries would lie beyond coordinate 2^%d, which M = inf never draws; at most %g%% is allowed",
                           100 * cap.entryFraction, cap.capExponent, 100 * IndexCapLoss.maximumEntryFraction))
    }
}
