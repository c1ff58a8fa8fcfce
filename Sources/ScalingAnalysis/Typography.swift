import Foundation

/// The typesetting of numbers and counts in text meant for reading (reports, summaries, figure
/// labels): a minus sign U+2212 where a number is negative, and a noun in the singular for one.
/// Never applied to machine-read output (CSV, JSON, ids, commands).
public enum Typography {
    /// The minus sign, U+2212.
    public static let minus: Character = "\u{2212}"

    /// `text` with every hyphen-minus that is the sign of a number (before a digit, a decimal point
    /// or ∞, and not inside a word, a flag such as `--n` or a range such as `10-90`) written as U+2212;
    /// an exponent's sign after a mantissa (`1e-05`) or after `^` (`i^-β`) is a sign too.
    public static func minusSigns(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (i, c) in characters.enumerated() {
            guard c == "-" else { out.append(c); continue }
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            let afterNext = i + 2 < characters.count ? characters[i + 2] : nil
            let startsNumber = next.map { $0.isASCII && $0.isNumber || $0 == "∞" } ?? false
                || (next == "." && (afterNext.map { $0.isASCII && $0.isNumber } ?? false))
                || (next == "i" && afterNext == "n" && i + 3 < characters.count && characters[i + 3] == "f")
            let previous = i > 0 ? characters[i - 1] : nil
            let isExponent = previous.map { $0 == "e" || $0 == "E" } ?? false && i >= 2
                && (characters[i - 2].isASCII && characters[i - 2].isNumber || characters[i - 2] == ".")
            let insideWord = previous.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "/" } ?? false
            // After ^ a hyphen is the sign of an exponent, whatever follows (i^-β, C^-0.5).
            out.append(previous == "^" || startsNumber && (isExponent || !insideWord) ? minus : c)
        }
        return out
    }

    /// "1 point", "2 points", "0 points": `count` and the noun, in the plural unless `count` is 1
    /// (`plural` defaults to the singular with an "s").
    public static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
