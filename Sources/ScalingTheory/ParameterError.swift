/// An invalid value for a model or command parameter.
public enum ParameterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `flag` received `value`; `allowed` says what is accepted.
    case invalid(flag: String, value: String, allowed: String)

    /// A one-line message naming the flag, the value and what is allowed.
    public var description: String {
        switch self {
        case let .invalid(flag, value, allowed):
            return "invalid value '\(value)' for \(flag): expected \(allowed)"
        }
    }
}
