import Foundation
import Testing
@testable import ScalingAnalysis

/// The control-variate mean against an exact line, an independent normal-equation solve, and a Monte
/// Carlo of its bias and of its standard error's calibration on a law with known E[y].
@Suite struct ControlVariateMeanTests {
    @Test func exactLineGivesItsValueAtTheControlMeanWithNoError() throws {
        let x = [0.3, 1.7, 2.2, 4.0, 5.5]
        let estimate = try ControlVariateMean(samples: x.map { 2 + 3 * $0 }, controls: [x], controlMeans: [1.25])
        #expect(abs(estimate.mean - (2 + 3 * 1.25)) < 1e-12)
        #expect(abs(estimate.slopes[0] - 3) < 1e-12)
        #expect(estimate.standardError < 1e-12)
    }

    @Test func matchesTheNormalEquationsAndTheirPredictionError() throws {
        // Fit y = a + b x through the 2×2 normal equations (Cramer's rule) and evaluate the line and
        // the OLS standard error of the fitted value, sₑ²·[1 μ](XᵀX)⁻¹[1 μ]ᵀ, at μ.
        let x = [1.0, 2.5, 0.7, 3.3, 2.9, 1.1, 4.2, 0.2]
        let y = [2.1, 3.9, 1.2, 5.6, 4.4, 2.5, 6.3, 0.9]
        let mu = 2.0
        let n = Double(x.count)
        let sx = x.reduce(0, +), sxx = x.reduce(0) { $0 + $1 * $1 }
        let sy = y.reduce(0, +), sxy = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
        let det = n * sxx - sx * sx
        let a = (sxx * sy - sx * sxy) / det, b = (n * sxy - sx * sy) / det
        let rss = zip(x, y).reduce(0) { $0 + pow($1.1 - a - b * $1.0, 2) }
        let quadratic = (sxx - 2 * mu * sx + mu * mu * n) / det
        let estimate = try ControlVariateMean(samples: y, controls: [x], controlMeans: [mu])
        #expect(abs(estimate.mean - (a + b * mu)) < 1e-12)
        #expect(abs(estimate.standardError - (rss / (n - 2) * quadratic).squareRoot()) < 1e-12)
    }

    @Test func twoControlsMatchTheThreeByThreeNormalEquations() throws {
        // y = a + b₁x₁ + b₂x₂ by Gaussian elimination on the 3×3 normal equations, the fitted value at μ
        // and its OLS standard error sₑ²·zᵀ(XᵀX)⁻¹z, z = (1, μ₁, μ₂).
        let x1 = [1.0, 2.5, 0.7, 3.3, 2.9, 1.1, 4.2, 0.2, 1.9]
        let x2 = [0.4, -1.2, 0.9, 0.1, 2.2, -0.3, 1.0, 0.6, -0.8]
        let y = [2.1, 3.9, 1.2, 5.6, 4.4, 2.5, 6.3, 0.9, 2.2]
        let mu = [2.0, 0.5]
        let rows = x1.indices.map { [1, x1[$0], x2[$0]] }
        var m = (0..<3).map { i in (0..<3).map { j in rows.reduce(0) { $0 + $1[i] * $1[j] } } }
        let z = [1, mu[0], mu[1]]
        // Solve (XᵀX)[c | u] = [Xᵀy | z] together.
        var rhs = (0..<3).map { i in [zip(rows, y).reduce(0) { $0 + $1.0[i] * $1.1 }, z[i]] }
        for k in 0..<3 {
            for i in (k + 1)..<3 {
                let f = m[i][k] / m[k][k]
                for j in 0..<3 { m[i][j] -= f * m[k][j] }
                for j in 0..<2 { rhs[i][j] -= f * rhs[k][j] }
            }
        }
        var solution = [[Double]](repeating: [0, 0], count: 3)
        for i in stride(from: 2, through: 0, by: -1) {
            for j in 0..<2 {
                var v = rhs[i][j]
                for k in (i + 1)..<3 { v -= m[i][k] * solution[k][j] }
                solution[i][j] = v / m[i][i]
            }
        }
        let c = solution.map { $0[0] }, u = solution.map { $0[1] }
        let fitted = zip(c, z).reduce(0) { $0 + $1.0 * $1.1 }
        let rss = zip(rows, y).reduce(0) { acc, p in acc + pow(p.1 - zip(c, p.0).reduce(0) { $0 + $1.0 * $1.1 }, 2) }
        let se = (rss / Double(y.count - 3) * zip(z, u).reduce(0) { $0 + $1.0 * $1.1 }).squareRoot()
        let estimate = try ControlVariateMean(samples: y, controls: [x1, x2], controlMeans: mu)
        #expect(abs(estimate.mean - fitted) < 1e-10)
        #expect(abs(estimate.standardError - se) < 1e-10)
        #expect(abs(estimate.slopes[0] - c[1]) < 1e-10 && abs(estimate.slopes[1] - c[2]) < 1e-10)
    }

    /// Replicates of the estimate at n = 64 from `draw` (one (x, y) pair per call), with E[x] = 0.
    static func replicates(_ count: Int, _ draw: (inout ControlVariateTestGenerator) -> (Double, Double)) throws -> (estimates: MeanEstimate, meanReportedVariance: Double) {
        var rng = ControlVariateTestGenerator(state: 14)
        var estimates: [Double] = [], variances: [Double] = []
        for _ in 0..<count {
            var x: [Double] = [], y: [Double] = []
            for _ in 0..<64 {
                let (xi, yi) = draw(&rng)
                x.append(xi)
                y.append(yi)
            }
            let estimate = try ControlVariateMean(samples: y, controls: [x], controlMeans: [0])
            estimates.append(estimate.mean)
            variances.append(estimate.standardError * estimate.standardError)
        }
        return (try MeanEstimate(samples: estimates), variances.reduce(0, +) / Double(count))
    }

    @Test func unbiasedAndCalibratedOnALinearLawWithSkewedControl() throws {
        // y = 2 + 3x + e, x = Exp(1) − 1 (skewed), e ~ N(0, 0.5²): E[y] = 2 exactly, no O(1/n) bias.
        let (summary, reported) = try Self.replicates(4000) { rng in
            let x = -log(rng.unit()) - 1
            return (x, 2 + 3 * x + 0.5 * rng.normal())
        }
        let se = try #require(summary.standardError)
        #expect(abs(summary.mean - 2) < 4 * se)
        let empirical = pow(try #require(summary.standardDeviation), 2)
        #expect(abs(reported / empirical - 1) < 0.15)
    }

    @Test func nonlinearLawHasTheFirstOrderBiasAndACalibratedError() throws {
        // y = 1 + exp(x) + 0.3e, x ~ N(0, 1): E[y] = 1 + e^{1/2}; first-order bias −E[x²(y − E y)]/n = −e^{1/2}/64.
        let (summary, reported) = try Self.replicates(4000) { rng in
            let x = rng.normal()
            return (x, 1 + exp(x) + 0.3 * rng.normal())
        }
        let se = try #require(summary.standardError)
        let expected = 1 + exp(0.5) - exp(0.5) / 64
        #expect(abs(summary.mean - expected) < 4 * se + 0.2 * exp(0.5) / 64)
        let empirical = pow(try #require(summary.standardDeviation), 2)
        #expect(abs(reported / empirical - 1) < 0.15)
    }

    @Test func refusesDegenerateInput() {
        #expect(throws: AnalysisError.self) { try ControlVariateMean(samples: [1, 2, 3, 4], controls: [[1, 1, 1, 1]], controlMeans: [1]) }
        #expect(throws: AnalysisError.self) { try ControlVariateMean(samples: [1, 2, 3], controls: [[1, 2, 3]], controlMeans: [1]) }
        #expect(throws: AnalysisError.self) { try ControlVariateMean(samples: [1, 2, 3, 4], controls: [[1, 2, 3]], controlMeans: [1]) }
        #expect(throws: AnalysisError.self) { try ControlVariateMean(samples: [1, 2, .nan, 4], controls: [[1, 2, 3, 4]], controlMeans: [1]) }
        #expect(throws: AnalysisError.self) {
            try ControlVariateMean(samples: [1, 2, 3, 4, 5], controls: [[1, 2, 3, 4, 5], [2, 4, 6, 8, 10]], controlMeans: [1, 2])
        }
        #expect(throws: AnalysisError.self) { try ControlVariateMean(samples: [1, 2, 3, 4], controls: [], controlMeans: []) }
    }
}

/// SplitMix64 with Box–Muller normals: the same cases on every run.
struct ControlVariateTestGenerator {
    var state: UInt64
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (Double((z ^ (z >> 31)) >> 11) + 0.5) * 0x1p-53
    }
    mutating func normal() -> Double { (-2 * log(unit())).squareRoot() * cos(2 * .pi * unit()) }
}
