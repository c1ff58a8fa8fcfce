import ArgumentParser

/// Refuses a flag given twice: argument-parser would keep the last value silently.
enum RepeatedFlags {
    /// Throws a usage error naming the first long flag that occurs more than once in `arguments`
    /// (the command line without the program name), whether written `--flag value` or `--flag=value`.
    /// Scanning stops at `--`; `--help` may repeat.
    static func check(_ arguments: [String]) throws {
        var seen: Set<Substring> = []
        for token in arguments {
            if token == "--" { return }
            guard token.hasPrefix("--"), token.count > 2 else { continue }
            let name = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard name != "--help" else { continue }
            if !seen.insert(name).inserted {
                throw ValidationError("\(name) is given more than once: give each flag once")
            }
        }
    }
}
