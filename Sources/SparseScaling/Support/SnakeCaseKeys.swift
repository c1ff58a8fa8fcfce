import Foundation

/// Rewrites the keys of encoded JSON to snake_case (`exponentInterval` → `exponent_interval`), so every JSON
/// file the tool writes uses one key style: all lower case, a run of capitals is one word (`separateAIC` →
/// `separate_aic`), and a capital after an underscore is lowered (`alpha_N` → `alpha_n`).
package enum SnakeCaseKeys {
    /// `key` in snake_case.
    package static func convert(_ key: String) -> String {
        let characters = Array(key)
        var result = ""
        for (i, c) in characters.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = characters[i - 1]
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                // A word starts at a capital after a lower-case letter or digit, or at the last capital of a run
                // followed by a lower-case letter (`AICValue` → `aic_value`).
                let startsWord = previous.isLowercase || previous.isNumber || (previous.isUppercase && (next?.isLowercase ?? false))
                if startsWord, previous != "_" { result += "_" }
            }
            result += c.lowercased()
        }
        return result
    }

    /// `value` (a JSONSerialization object) with every dictionary key converted.
    package static func convertKeys(_ value: Any) -> Any {
        switch value {
        case let object as [String: Any]:
            return Dictionary(object.map { (convert($0.key), convertKeys($0.value)) }, uniquingKeysWith: { first, _ in first })
        case let array as [Any]:
            return array.map(convertKeys)
        default:
            return value
        }
    }
}
