import Foundation

/// `x` printed with the C format `format`, or "—" when it was not measured (never "nan").
func formatted(_ x: Double?, _ format: String) -> String {
    guard let x, x.isFinite else { return "—" }
    return String(format: format, x)
}
