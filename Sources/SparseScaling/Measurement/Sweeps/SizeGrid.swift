import Foundation

/// A list of sizes given on the command line: one value (`1024`), a list (`8,16,32`), or a
/// geometric range `start...end x factor` (`8...4096x2` = 8, 16, …, 4096). Values may use
/// exponent notation (`1e6`) when they are whole numbers.
package struct SizeGrid: Sendable, Hashable, Codable {
    /// The sizes, in the order given, each ≥ 1.
    package let values: [Int]

    /// The largest size accepted, 1e15 (every size is an exact integer in a Double).
    package static let largest = 1e15

    /// The grid of explicit `values`.
    package init(_ values: [Int]) { self.values = values }

    /// Parses `text` given for `parameter`; throws a `ParameterError` naming it when malformed.
    package init(parsing text: String, parameter: Parameter) throws {
        let allowed = "a size from 1 to 1e15 (digits, or 1e6 style), a list like 8,16,32, or a range like 8...4096x2"
        func size(_ s: Substring) throws -> Int {
            // Decimal digits with an optional fraction and exponent, nothing else (no spaces, no hexadecimal).
            if s.wholeMatch(of: /[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil,
               let d = Double(s), d >= 1, d <= Self.largest, d == d.rounded() {
                return Int(d)
            }
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
                guard tail[1].wholeMatch(of: /[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/) != nil, let f = Double(tail[1]), f.isFinite, f > 1 else {
                    throw ParameterError.invalid(parameter: parameter, value: text, allowed: "a range factor > 1, as in 8...4096x2")
                }
                factor = f
            }
            guard endValue >= startValue else {
                throw ParameterError.invalid(parameter: parameter, value: text, allowed: "a range whose end is ≥ its start")
            }
            // start·factor^k for k = 0, 1, …; after each new value, k jumps to the last power that still
            // rounds to it, so the loop runs once per distinct value, whatever the factor.
            var list: [Int] = []
            let start = Double(startValue), logFactor = Foundation.log(factor)
            var k = 0.0
            while true {
                let x = start * Foundation.pow(factor, k)
                guard x.rounded() <= Double(endValue) * (1 + 1e-12) else { break }
                let v = Int(x.rounded())
                if list.last != v { list.append(v) }
                if list.count > 10_000 { break }
                let lastRoundingToV = Foundation.floor((Foundation.log(Double(v) + 0.5) - Foundation.log(start)) / logFactor) - 1
                k = Swift.max(k + 1, lastRoundingToV)
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
