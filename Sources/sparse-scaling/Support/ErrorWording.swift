/// argument-parser's own messages reworded in the command line's one style:
/// `invalid value '…' for --flag: expected …`, `missing --flag …`, `unknown option '--flag'`.
enum ErrorWording {
    /// `line` (one message line, without the `Error: ` prefix) in the command line's style;
    /// lines that are already in it come back unchanged.
    static func reword(_ line: String) -> String {
        if let m = line.wholeMatch(of: /The value '(.*)' is invalid for '(-[^ ']+)[^']*'(.*)/) {
            let value = String(m.output.1), flag = String(m.output.2)
            var rest = String(m.output.3)
            if rest.hasPrefix(": ") {
                rest.removeFirst(2)
            } else if let choices = rest.wholeMatch(of: /\. Please provide one of (.*)\./) {
                let names = choices.output.1.matches(of: /'([^']*)'/).map { String($0.output.1) }
                rest = names.isEmpty ? "expected an allowed value" : "expected one of " + names.joined(separator: ", ")
            } else {
                rest = "expected a valid value (see --help)"
            }
            return "invalid value '\(value)' for \(flag): \(rest)"
        }
        if let m = line.wholeMatch(of: /Missing expected argument '(-[^ ']+)[^']*'/) {
            return "missing \(m.output.1): it is required (see --help)"
        }
        if let m = line.wholeMatch(of: /Missing value for '(-[^ ']+)[^']*'/) {
            return "missing value for \(m.output.1)"
        }
        if let m = line.wholeMatch(of: /Unknown option '(.*)'(.*)/) {
            return "unknown option '\(m.output.1)'\(m.output.2)"
        }
        if let m = line.wholeMatch(of: /Unexpected argument '(.*)'(.*)/) {
            return "unexpected argument '\(m.output.1)'\(m.output.2)"
        }
        return line
    }
}
