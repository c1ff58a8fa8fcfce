import Foundation

/// A list of sizes given on the command line: one value (`1024`), a list (`8,16,32`), or a
/// geometric range `start...end x factor` (`8...4096x2` = 8, 16, …, 4096). Values may use
/// exponent notation (`1e6`) when they are whole numbers.
package struct SizeGrid: Sendable, Hashable, Codable {
    /// The sizes, in the order given, each ≥ 1.
    package let values: [Int]

    /// The grid of explicit `values`.
    package init(_ values: [Int]) { self.values = values }

    /// Parses `text` given for `parameter`; throws a `ParameterError` naming it when malformed.
    package init(parsing text: String, parameter: Parameter) throws {
        let allowed = "a size ≥ 1, a list like 8,16,32, or a range like 8...4096x2"
        func size(_ s: Substring) throws -> Int {
            let t = s.trimmingCharacters(in: .whitespaces)
            if let v = Int(t), v >= 1 { return v }
            if let d = Double(t), d.isFinite, d >= 1, d <= 1e15, d == d.rounded() { return Int(d) }
            throw ParameterError.invalid(parameter: parameter, value: text, allowed: allowed)
        }
        if text.contains("...") {
            let parts = text.components(separatedBy: "...")
            guard parts.count == 2 else { throw ParameterError.invalid(parameter: parameter, value: text, allowed: allowed) }
            let startValue = try size(Substring(parts[0]))
            let tail = parts[1].split(separator: "x", omittingEmptySubsequences: false)
            guard tail.count <= 2 else { throw ParameterError.invalid(parameter: parameter, value: text, allowed: allowed) }
            let endValue = try size(tail[0])
            var factor = 2.0
            if tail.count == 2 {
                guard let f = Double(tail[1].trimmingCharacters(in: .whitespaces)), f.isFinite, f > 1 else {
                    throw ParameterError.invalid(parameter: parameter, value: text, allowed: "a range factor > 1, as in 8...4096x2")
                }
                factor = f
            }
            guard endValue >= startValue else {
                throw ParameterError.invalid(parameter: parameter, value: text, allowed: "a range whose end is ≥ its start")
            }
            var list: [Int] = []
            var x = Double(startValue)
            while x.rounded() <= Double(endValue) * (1 + 1e-12) {
                let v = Int(x.rounded())
                if list.last != v { list.append(v) }
                x *= factor
                if list.count > 10_000 { break }
            }
            values = list
        } else {
            values = try text.split(separator: ",", omittingEmptySubsequences: false).map(size)
        }
        guard !values.isEmpty, values.count <= 10_000 else {
            throw ParameterError.invalid(parameter: parameter, value: text, allowed: allowed)
        }
    }
}
