/// An invalid value for a model or experiment parameter.
public enum ParameterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `parameter` received `value`; `allowed` says what is accepted.
    case invalid(parameter: Parameter, value: String, allowed: String)
    /// `parameter` received `value`, which does not go with `other` = `otherValue`; `allowed` says
    /// what is accepted with it and `reason` why (in parentheses, may be empty).
    case incompatible(parameter: Parameter, value: String, allowed: String, other: Parameter, otherValue: String, reason: String)

    /// The parameter that received the invalid value.
    public var parameter: Parameter {
        switch self {
        case let .invalid(parameter, _, _), let .incompatible(parameter, _, _, _, _, _): return parameter
        }
    }

    /// A one-line message naming the parameter by `name` (a command line passes its flag), the value
    /// and what is allowed.
    public func message(naming name: (Parameter) -> String) -> String {
        switch self {
        case let .invalid(parameter, value, allowed):
            return "invalid value '\(value)' for \(name(parameter)): expected \(allowed)"
        case let .incompatible(parameter, value, allowed, other, otherValue, reason):
            let why = reason.isEmpty ? "" : " (\(reason))"
            return "invalid value '\(value)' for \(name(parameter)): expected \(allowed) with \(name(other)) \(otherValue)\(why)"
        }
    }

    /// The message naming the parameter by its symbol (α, N, D, …).
    public var description: String { message(naming: \.symbol) }
}
