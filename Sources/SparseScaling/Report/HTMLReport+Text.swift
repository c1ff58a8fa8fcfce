import Foundation
import ScalingAnalysis

extension HTMLReport {
    /// `s` with &, <, > and " escaped for HTML text and attributes.
    func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Text as the report displays it: escaped, with the figures' typesetting (`^{…}` as <sup>,
    /// `_{…}` as <sub>, nesting allowed; plain-text math such as `D^(1/β)` and `α_N` typeset the same
    /// way), minus signs U+2212 on negative numbers, and "value ± SE" kept on one line.
    func richText(_ s: String) -> String {
        let typeset = PlainNotation.braced(Typography.minusSigns(s)).replacingOccurrences(of: " ± ", with: "\u{00A0}±\u{00A0}")
        return bracedText(typeset)
    }

    private func bracedText(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if c == "^" || c == "_", next < s.endIndex, s[next] == "{", let close = Self.closingBrace(s, from: next) {
                let tag = c == "^" ? "sup" : "sub"
                out += "<\(tag)>\(bracedText(String(s[s.index(after: next)..<close])))</\(tag)>"
                i = s.index(after: close)
                continue
            }
            out += escape(String(c))
            i = next
        }
        return out
    }

    private static func closingBrace(_ s: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var i = open
        while i < s.endIndex {
            if s[i] == "{" { depth += 1 } else if s[i] == "}" { depth -= 1; if depth == 0 { return i } }
            i = s.index(after: i)
        }
        return nil
    }
}
