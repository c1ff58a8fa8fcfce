import Foundation

/// How data values are placed along an axis.
public enum AxisScale: String, Sendable, Hashable, Codable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log₁₀ of the value; only positive values are drawable.
    case log10

    /// The value in the axis's linear coordinate (itself or log₁₀), nil when not drawable.
    public func transform(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch self {
        case .linear: return value
        case .log10: return value > 0 ? Foundation.log10(value) : nil
        }
    }

    /// The inverse of `transform`.
    public func inverse(_ coordinate: Double) -> Double {
        switch self {
        case .linear: return coordinate
        case .log10: return pow(10, coordinate)
        }
    }
}
