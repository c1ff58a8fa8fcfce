/// A point whose loss is not a finite Double: refused rather than printed or stored.
public struct NonFiniteLoss: Error, CustomStringConvertible, Sendable {
    /// The point.
    public let specification: PointSpecification
    /// Which part of the loss is not finite ("loss (observed)", "loss (tail)", …).
    public let part: String

    /// One line naming the point and the part, and why.
    public var description: String {
        let p = specification.parameters
        return "the \(part) at α = \(p.alpha), β = \(p.beta), M = \(p.inputDimension), N = \(specification.featureCount), "
            + "D = \(specification.sampleCount), seed \(specification.seed) is beyond the range of double precision; "
            + "refusing to report it"
    }
}

extension PointOutcome {
    /// Throws `NonFiniteLoss` unless the loss, its parts and its standard error are finite numbers.
    public func checkFinite(_ specification: PointSpecification) throws {
        let parts: [(String, Double?)] = [
            ("loss (observed)", lossObserved), ("loss (tail)", lossTail), ("loss", loss),
            ("loss standard error", lossStandardError),
        ]
        for (part, value) in parts {
            if let value, !value.isFinite { throw NonFiniteLoss(specification: specification, part: part) }
        }
    }
}
