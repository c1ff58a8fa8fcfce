import ArgumentParser

/// The one grammar of numbers on the command line: decimal digits with an optional sign, fraction
/// and exponent (`-1.5`, `4096`, `1e6`); no spaces, no hexadecimal, no `nan` or `inf` (only `--m`
/// takes `inf`, by name).
enum NumberArgument {
    /// A value that does not parse: the `expected …` half of the message (the flag is added by the root command).
    struct Expected: Error, CustomStringConvertible {
        let expected: String
        var description: String { "expected \(expected)" }
    }

    /// Whether `text` is written in the decimal grammar.
    static func isDecimal(_ text: String) -> Bool {
        text.wholeMatch(of: /[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil
    }

    /// A finite decimal number, or nil.
    static func finite(_ text: String) -> Double? {
        guard isDecimal(text), let x = Double(text), x.isFinite else { return nil }
        return x
    }

    /// A whole number written in digits or with an exponent (`1e6`), within `range`, or nil.
    static func integer(_ text: String, in range: ClosedRange<Int> = Int.min...Int.max) -> Int? {
        if text.wholeMatch(of: /[+-]?[0-9]+/) != nil {
            guard let n = Int(text) else { return nil }
            return range.contains(n) ? n : nil
        }
        guard let x = finite(text), x == x.rounded(), x >= -0x1p63, x < 0x1p63 else { return nil }
        let n = Int(x)
        return range.contains(n) ? n : nil
    }

    /// A transform for a real-valued option: any finite decimal number; `expected` words the range
    /// its command checks afterwards.
    static func real(expected: String) -> @Sendable (String) throws -> Double {
        { text in
            guard let x = finite(text) else { throw Expected(expected: expected) }
            return x
        }
    }

    /// A transform for a whole-number option in `range`.
    static func whole(in range: ClosedRange<Int>, expected: String) -> @Sendable (String) throws -> Int {
        { text in
            guard let n = integer(text, in: range) else { throw Expected(expected: expected) }
            return n
        }
    }

    /// A transform for a seed: a whole number in 0…2^64−1 written in digits.
    static func seed(expected: String) -> @Sendable (String) throws -> UInt64 {
        { text in
            guard text.wholeMatch(of: /\+?[0-9]+/) != nil, let n = UInt64(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
                throw Expected(expected: expected)
            }
            return n
        }
    }
}
