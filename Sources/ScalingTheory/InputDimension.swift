import Foundation

/// The input dimension M: a finite number of latent coordinates, or infinitely many (sparse data only).
public enum InputDimension: Hashable, Sendable, Codable, CustomStringConvertible {
    /// M latent coordinates, M ≥ 1.
    case finite(Int)
    /// Infinitely many coordinates (needs β > 1).
    case infinite

    /// Parses `"inf"` (also `"infinity"`, `"∞"`) or a positive integer (also written like `1e9`); nil otherwise.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["inf", "infinity", "∞"].contains(t) {
            self = .infinite
        } else if let n = Int(t), n >= 1 {
            self = .finite(n)
        } else if let x = Double(t), x >= 1, x < 0x1p63, x == x.rounded() {
            self = .finite(Int(x))  // scientific notation such as 1e9
        } else {
            return nil
        }
    }

    /// The finite value, or nil for M = ∞.
    public var finiteValue: Int? {
        if case let .finite(m) = self { return m }
        return nil
    }

    /// The value as written on the command line: the integer, or `inf`.
    public var description: String {
        switch self {
        case let .finite(m): return String(m)
        case .infinite: return "inf"
        }
    }
}

