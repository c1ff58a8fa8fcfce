import Foundation

extension RandomStream {
    /// A Gamma(shape, 1) variate (Marsaglia–Tsang; shape < 1 through Gamma(shape + 1)·U^(1/shape)).
    package mutating func gamma(shape a: Double) -> Double {
        precondition(a > 0)
        if a < 1 { return gamma(shape: a + 1) * pow(uniform(), 1 / a) }
        let d = a - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A chi-square variate with ν > 0 degrees of freedom.
    package mutating func chiSquare(degreesOfFreedom nu: Double) -> Double { 2 * gamma(shape: nu / 2) }
}
