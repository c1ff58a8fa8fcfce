import Foundation

/// Five predicted quantiles of a loss, encoded as {"q10", "q25", "q50", "q75", "q90"}.
public struct LossQuantiles: Sendable, Hashable, Codable {
    /// The 10, 25, 50, 75 and 90% quantiles.
    public let q10: Double, q25: Double, q50: Double, q75: Double, q90: Double

    /// The quantiles at `LabelNoiseLossLaw.levels` (five values in that order).
    public init(_ values: [Double]) {
        precondition(values.count == 5, "five quantiles expected")
        (q10, q25, q50, q75, q90) = (values[0], values[1], values[2], values[3], values[4])
    }

    /// The five values in level order.
    public var values: [Double] { [q10, q25, q50, q75, q90] }
}
