import ArgumentParser
import Foundation

/// Checks the long flags of a command line before argument-parser sees them: a flag given twice
/// (argument-parser would keep the last value silently) and a flag the chosen subcommand does not
/// declare (argument-parser would report it only after the command's own checks) are usage errors.
enum RepeatedFlags {
    /// What a subcommand declares: each long flag and whether it takes a value.
    struct Declared {
        /// Long name (with `--`) → (takes a value, value may start with `-`, may repeat).
        var flags: [String: (takesValue: Bool, unconditional: Bool, repeats: Bool)] = [:]
        /// The long names listed in `--help` (the ones worth suggesting).
        var shown: [String] = []
    }

    /// Flags argument-parser handles itself at any level.
    static let builtIn: Set<String> = ["--help", "--version", "--experimental-dump-help", "--generate-completion-script"]

    /// Throws a usage error naming the first long flag in `arguments` (the command line without the
    /// program name) that is given twice, as `--flag value` or `--flag=value`, or that the subcommand
    /// of `root` it addresses does not declare. Scanning stops at `--`.
    static func check(_ arguments: [String], root: any ParsableCommand.Type) throws {
        guard let data = root._dumpHelp().data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              var command = json["command"] as? [String: Any]
        else { return }
        var index = 0
        var path: [String] = []
        while index < arguments.count, let subcommands = command["subcommands"] as? [[String: Any]],
              let next = subcommands.first(where: { $0["commandName"] as? String == arguments[index] }) {
            command = next
            path.append(arguments[index])
            index += 1
        }
        let declared = Self.declared(command)
        var seen: Set<String> = []
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if token == "--" { return }
            guard token.hasPrefix("--"), token.count > 2 else { continue }
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            if builtIn.contains(name) { return }
            guard let flag = declared.flags[name] else {
                let command = (["sparse-scaling"] + path).joined(separator: " ")
                let hint = suggestion(for: name, among: declared.shown).map { "; did you mean '\($0)'?" } ?? " (see --help)"
                throw ValidationError("unknown option '\(name)' for \(command)\(hint)")
            }
            if !flag.repeats, !seen.insert(name).inserted {
                throw ValidationError("\(name) is given more than once: give each flag once")
            }
            // Skip the value of `--flag value`, as argument-parser reads it.
            if flag.takesValue, parts.count == 1, index < arguments.count,
               flag.unconditional || !arguments[index].hasPrefix("-") {
                index += 1
            }
        }
    }

    /// The declared flag closest to `name` (at most two edits away), if any.
    static func suggestion(for name: String, among names: some Sequence<String>) -> String? {
        let candidates = names.filter { !builtIn.contains($0) }.map { ($0, distance(name, $0)) }.filter { $0.1 <= 2 }
        return candidates.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    /// The edit (Levenshtein) distance between `a` and `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }

    /// The long flags declared by one command of the dumped help.
    static func declared(_ command: [String: Any]) -> Declared {
        var result = Declared()
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            let kind = argument["kind"] as? String
            guard kind == "option" || kind == "flag" else { continue }
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                guard let long = name["name"] as? String else { continue }
                result.flags["--" + long] = (
                    takesValue: kind == "option", unconditional: argument["parsingStrategy"] as? String == "unconditional",
                    repeats: argument["isRepeating"] as? Bool ?? false)
                if argument["shouldDisplay"] as? Bool ?? true { result.shown.append("--" + long) }
            }
        }
        return result
    }
}
