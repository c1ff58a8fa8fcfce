/// Why a statistical summary or fit of scaling measurements could not be computed.
public enum AnalysisError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An estimate needed at least `required` values but received `count`.
    case tooFewPoints(what: String, count: Int, required: Int)
    /// A value that must be positive (to be placed on a logarithmic axis) was not.
    case nonPositiveValue(what: String, index: Int, value: Double)
    /// A value was NaN or infinite.
    case nonFiniteValue(what: String, index: Int)
    /// All abscissae of a fit coincide, so no slope can be determined.
    case degenerateAbscissa(what: String)
    /// A weighted fit needs a positive standard error on every point; point `index` has none.
    case missingStandardError(index: Int)
    /// A probability, confidence level or distribution parameter outside its domain.
    case invalidParameter(name: String, value: Double, allowed: String)

    public var description: String {
        switch self {
        case let .tooFewPoints(what, count, required):
            return "\(what): needs at least \(required) points, got \(count)"
        case let .nonPositiveValue(what, index, value):
            return "\(what): value \(value) at index \(index) is not positive, so it has no logarithm"
        case let .nonFiniteValue(what, index):
            return "\(what): value at index \(index) is NaN or infinite"
        case let .degenerateAbscissa(what):
            return "\(what): all x values are equal, so the exponent is undetermined"
        case let .missingStandardError(index):
            return "weighted fit: point \(index) has no positive finite standard error"
        case let .invalidParameter(name, value, allowed):
            return "invalid \(name) \(value): expected \(allowed)"
        }
    }
}

extension AnalysisError {
    /// Throws unless `samples` holds at least one value and every value is finite; `what` names the
    /// estimate in the error.
    static func checkFiniteSamples(_ samples: [Double], what: String) throws(AnalysisError) {
        guard !samples.isEmpty else {
            throw .tooFewPoints(what: what, count: 0, required: 1)
        }
        for (i, v) in samples.enumerated() where !v.isFinite {
            throw .nonFiniteValue(what: what, index: i)
        }
    }
}
