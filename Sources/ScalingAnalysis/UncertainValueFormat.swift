import Foundation

/// Numbers written to the precision their standard error supports: the SE with two significant
/// digits and the value to the same decimal place (1.027 ± 0.012, not 1.027 ± 0.01151). The one
/// formatting of measured values in reports, figure legends and summaries; negative numbers carry the
/// minus sign U+2212 (`Typography.minusSigns`), so this text is for reading, never for parsing.
public enum UncertainValueFormat {
    /// "value ± se" with the SE to two significant digits and the value to the SE's last digit;
    /// without a usable SE (nil, 0 or non-finite) the value alone with four significant digits.
    public static func string(_ value: Double, standardError: Double?) -> String {
        guard let se = standardError, se.isFinite, se > 0, value.isFinite else { return plain(value) }
        let (v, s) = pair(value, standardError: se)
        return "\(v) ± \(s)"
    }

    /// The value and the SE as separate strings, each rounded as in `string(_:standardError:)`.
    public static func pair(_ value: Double, standardError se: Double) -> (value: String, standardError: String) {
        let (v, s) = asciiPair(value, standardError: se)
        return (Typography.minusSigns(v), Typography.minusSigns(s))
    }

    /// `pair` before typesetting: a hyphen-minus for negative numbers.
    private static func asciiPair(_ value: Double, standardError se: Double) -> (value: String, standardError: String) {
        guard se.isFinite, se > 0, value.isFinite else { return (plain(value), plain(se)) }
        // Decimal place of the SE's second significant digit (may be negative: tens, hundreds…).
        let exponent = Int(log10(se).rounded(.down))
        var place = exponent - 1
        // Rounding can carry the SE to the next decade (0.0996 → 0.10): recompute on the rounded value.
        let roundedSE = (se / pow(10, Double(place))).rounded() * pow(10, Double(place))
        if Int(log10(roundedSE).rounded(.down)) > exponent { place += 1 }
        let magnitude = max(abs(value), roundedSE)
        if magnitude >= 1e6 || magnitude < 1e-3 {
            // Scientific notation with a shared exponent: (1.027 ± 0.012)e-05 style, mantissas in the value's decade.
            let decade = Int(log10(magnitude).rounded(.down))
            let digits = max(0, decade - place)
            let scale = pow(10, Double(decade))
            return (String(format: "%.\(digits)fe%+03d", value / scale, decade), String(format: "%.\(digits)fe%+03d", se / scale, decade))
        }
        if place < 0 {
            // printf rounds to the nearest decimal at that place.
            return (String(format: "%.\(-place)f", value), String(format: "%.\(-place)f", se))
        }
        let unit = pow(10, Double(place))
        return (String(format: "%.0f", (value / unit).rounded() * unit), String(format: "%.0f", (se / unit).rounded() * unit))
    }

    /// A value alone to four significant digits (C's %.4g), "inf"/"−inf"/"nan" spelled out.
    public static func plain(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "\u{2212}inf" }
        return Typography.minusSigns(String(format: "%.4g", value))
    }

    /// Each end of [lower, upper] rounded to the decimal place of `standardError` (as the value would be).
    public static func interval(_ lower: Double, _ upper: Double, standardError: Double?) -> String {
        guard let se = standardError, se.isFinite, se > 0 else { return "[\(plain(lower)), \(plain(upper))]" }
        return "[\(pair(lower, standardError: se).value), \(pair(upper, standardError: se).value)]"
    }
}
