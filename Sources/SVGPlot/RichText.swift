/// Text with superscripts and subscripts, as in tick labels: `^{…}` raises and `_{…}` lowers its
/// group (nesting allowed, e.g. `D^{α_{D}}`); everything else is literal. Used by every text drawn in
/// a figure (titles, axis labels, legend entries, reference-line and region labels, annotations).
enum RichText {
    /// One piece of text at a baseline.
    indirect enum Run: Equatable {
        case plain(String)
        case superscript([Run])
        case `subscript`([Run])
    }

    /// The runs of `text`; an unbalanced `^{` or `_{` is kept as literal text.
    static func parse(_ text: String) -> [Run] {
        var index = text.startIndex
        return parseRuns(text, &index)
    }

    private static func parseRuns(_ text: String, _ i: inout String.Index) -> [Run] {
        var runs: [Run] = []
        var plain = ""
        func flush() {
            if !plain.isEmpty { runs.append(.plain(plain)); plain = "" }
        }
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if (c == "^" || c == "_"), next < text.endIndex, text[next] == "{",
               let close = matchingBrace(text, from: next) {
                flush()
                let group = parse(String(text[text.index(after: next)..<close]))
                runs.append(c == "^" ? .superscript(group) : .subscript(group))
                i = text.index(after: close)
                continue
            }
            plain.append(c)
            i = next
        }
        flush()
        return runs
    }

    /// The index of the `}` closing the `{` at `open`, nil when unbalanced.
    private static func matchingBrace(_ text: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var i = open
        while i < text.endIndex {
            if text[i] == "{" { depth += 1 }
            if text[i] == "}" {
                depth -= 1
                if depth == 0 { return i }
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// SVG text content: escaped, raised and lowered groups as `<tspan baseline-shift>` at 75 %.
    /// A group inside a group keeps its parent's size (it is only shifted), so a second-level script such as
    /// the D of `D^{α_{D}}` is as readable as the first (75%, not 56%).
    static func markup(_ text: String) -> String { markup(parse(text), depth: 0) }

    private static func markup(_ runs: [Run], depth: Int) -> String {
        let size = depth == 0 ? " font-size=\"75%\"" : ""
        return runs.map { run in
            switch run {
            case let .plain(s): SVGWriter.escape(minusSigns(s))
            case let .superscript(inner): "<tspan baseline-shift=\"super\"\(size)>\(markup(inner, depth: depth + 1))</tspan>"
            case let .subscript(inner): "<tspan baseline-shift=\"sub\"\(size)>\(markup(inner, depth: depth + 1))</tspan>"
            }
        }.joined()
    }

    /// `text` with every hyphen that stands for a minus sign typeset as one (U+2212): a hyphen before a digit
    /// or a decimal point that does not follow a letter, digit or closing bracket ("α = -1.5", "slope -0.87"; not
    /// "1e-4", "10-90%" or "(α+β)-1").
    static func minusSigns(_ text: String) -> String {
        guard text.contains("-") else { return text }
        var out = ""
        var previous: Character?
        var characters = text.makeIterator()
        var next = characters.next()
        while let c = next {
            next = characters.next()
            let startsNumber = next.map { $0.isNumber || $0 == "." } ?? false
            let joinsWord = previous.map { $0.isLetter || $0.isNumber || ")]}".contains($0) } ?? false
            out.append(c == "-" && startsNumber && !joinsWord ? "−" : c)
            previous = c
        }
        return out
    }

    /// Approximate rendered width in characters at full size (raised and lowered text at 75 %).
    static func width(_ text: String) -> Double { width(parse(text), scale: 1) }

    private static func width(_ runs: [Run], scale: Double) -> Double {
        runs.reduce(0) { total, run in
            switch run {
            case let .plain(s): total + Double(s.count) * scale
            case let .superscript(inner), let .subscript(inner): total + width(inner, scale: scale == 1 ? 0.75 : scale)
            }
        }
    }

    /// The text without markup (plain runs concatenated), e.g. for accessibility titles.
    static func plainText(_ text: String) -> String { plainText(parse(text)) }

    private static func plainText(_ runs: [Run]) -> String {
        runs.map { run in
            switch run {
            case let .plain(s): s
            case let .superscript(inner), let .subscript(inner): plainText(inner)
            }
        }.joined()
    }
}
