import Foundation

/// Rewrites the keys of encoded JSON to snake_case (`exponentInterval` → `exponent_interval`), so every JSON
/// file the tool writes uses one key style. A capital after an underscore is kept (`alpha_N`, the paper's name).
package enum SnakeCaseKeys {
    /// `key` in snake_case.
    package static func convert(_ key: String) -> String {
        var result = ""
        var previous: Character?
        for c in key {
            if c.isUppercase, let p = previous, p != "_" {
                result += "_" + c.lowercased()
            } else if c.isUppercase, previous == nil {
                result += c.lowercased()
            } else {
                result.append(c)
            }
            previous = c
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
