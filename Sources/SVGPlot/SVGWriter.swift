import Foundation

/// Accumulates SVG markup; formats numbers compactly and escapes text so the output is valid XML.
struct SVGWriter {
    private(set) var output = ""

    /// Appends one line of markup.
    mutating func line(_ markup: String) { output += markup + "\n" }

    /// Escapes &, <, >, " and ' for text content and attribute values.
    static func escape(_ text: String) -> String {
        var s = ""
        s.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&apos;"
            default:
                // Control characters other than tab/newline are not allowed in XML 1.0.
                if let a = c.asciiValue, a < 0x20, a != 0x09, a != 0x0A, a != 0x0D { continue }
                s.append(c)
            }
        }
        return s
    }

    /// A coordinate with at most two decimals and no trailing zeros; callers pass finite values
    /// only, and a non-finite one is written as 0 so the document stays valid.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        var s = String(format: "%.2f", v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// Markup for a text element whose content is a tick label (superscript via baseline-shift).
    static func labelMarkup(_ label: TickLabel) -> String {
        var s = escape(label.base)
        if let sup = label.superscript {
            s += "<tspan baseline-shift=\"super\" font-size=\"75%\">\(escape(sup))</tspan>"
        }
        return s
    }

    /// FNV-1a 64-bit hash of `text` as 16 hex digits: the same text gives the same id on every run.
    static func stableHash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `prefix` made a valid XML id start: letters, digits, '-', '_' and '.' kept, others as '-'; a
    /// leading digit or punctuation gets an "f" in front; a non-empty prefix ends with '-'.
    static func identifier(_ prefix: String) -> String {
        guard !prefix.isEmpty else { return "" }
        var s = String(prefix.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        if let first = s.first, !first.isLetter { s = "f" + s }
        return s.hasSuffix("-") ? s : s + "-"
    }

    /// Approximate rendered width of `text` at `fontSize` in a generic sans-serif face.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        RichText.width(text) * 0.56 * fontSize
    }

    /// Approximate rendered width of a tick label (superscript at 75 %).
    static func labelWidth(_ label: TickLabel, fontSize: Double) -> Double {
        textWidth(label.base, fontSize: fontSize)
            + (label.superscript.map { textWidth($0, fontSize: 0.75 * fontSize) } ?? 0)
    }
}
