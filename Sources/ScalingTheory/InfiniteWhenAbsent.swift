/// An optional size whose absence means "infinitely many" (M = ∞): written as the string `"inf"`, the way
/// every CSV writes it, so that null stays free to mean "not given".
@propertyWrapper
public struct InfiniteWhenAbsent: Codable, Hashable, Sendable {
    /// The finite value, nil for infinity.
    public var wrappedValue: Int?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Int?) {
        self.wrappedValue = wrappedValue
    }

    /// Reads `"inf"` as infinity and an integer as itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard text == "inf" else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an integer or \"inf\", found \"\(text)\"")
            }
            wrappedValue = nil
        } else {
            wrappedValue = try container.decode(Int.self)
        }
    }

    /// Writes `"inf"` for infinity, else the integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encode("inf") }
    }
}

extension InputDimension {
    /// Encodes as the command line writes it: the integer M, or the string `"inf"` for M = ∞.
    public func encode(to encoder: any Encoder) throws {
        try InfiniteWhenAbsent(wrappedValue: finiteValue).encode(to: encoder)
    }

    /// Reads an integer M ≥ 1 or `"inf"`.
    public init(from decoder: any Decoder) throws {
        let value = try InfiniteWhenAbsent(from: decoder).wrappedValue
        if let value {
            guard value >= 1 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected M ≥ 1, found \(value)"))
            }
            self = .finite(value)
        } else {
            self = .infinite
        }
    }
}
