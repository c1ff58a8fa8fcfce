import Foundation
import Testing
@testable import ScalingTheory

/// The small minimum-norm least-squares solver of the label-noise law against closed forms.
struct MinimumNormSolveTests {
    @Test func tallFullRankSystemGivesTheNormalEquationsSolution() {
        // X (4 × 2), columns differing in scale by 1e6: X⁺b = (XᵀX)⁻¹Xᵀb by Cramer's rule.
        let c0 = [1.0, -2.0, 0.5, 3.0], c1 = [2e-6, 1e-6, -3e-6, 0.5e-6], b = [0.3, -1.1, 2.0, 0.7]
        func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).map(*).reduce(0, +) }
        let g00 = dot(c0, c0), g01 = dot(c0, c1), g11 = dot(c1, c1), r0 = dot(c0, b), r1 = dot(c1, b)
        let det = g00 * g11 - g01 * g01
        let expected = [(g11 * r0 - g01 * r1) / det, (g00 * r1 - g01 * r0) / det]
        let solve = MinimumNormSolve(matrix: c0 + c1, rowCount: 4, columnCount: 2)
        let x = solve.solve(b)
        #expect(solve.rank == 2)
        for j in 0..<2 { #expect(abs(x[j] / expected[j] - 1) < 1e-9, "\(x) vs \(expected)") }
    }

    @Test func twoCoordinatesOfOneSampleAreSplitByTheMinimumNorm() {
        // X = [x₁ x₂] (one sample, two coordinates): X⁺b = (x₁, x₂)·b/(x₁² + x₂²), rank 1.
        let solve = MinimumNormSolve(matrix: [0.7, -0.002], rowCount: 1, columnCount: 2)
        let x = solve.solve([1.3])
        let n = 0.7 * 0.7 + 0.002 * 0.002
        #expect(solve.rank == 1)
        #expect(abs(x[0] - 0.7 * 1.3 / n) < 1e-14 && abs(x[1] + 0.002 * 1.3 / n) < 1e-14)
    }

    @Test func rankDeficientBlockMatchesItsProjectedSolution() {
        // Coordinates 0 and 1 both seen only in sample 0, coordinate 2 in samples 0 and 1: rank 2.
        // Minimum norm: coordinate 2 is fixed by sample 1, then sample 0's rest is split between 0 and 1.
        let x0 = 0.4, x1 = 1.5, x20 = -0.8, x21 = 2.0, b = [0.9, -0.6]
        let solve = MinimumNormSolve(matrix: [x0, 0, x1, 0, x20, x21], rowCount: 2, columnCount: 3)
        let x = solve.solve(b)
        let w2 = b[1] / x21, rest = b[0] - x20 * w2, n = x0 * x0 + x1 * x1
        #expect(solve.rank == 2)
        #expect(abs(x[2] - w2) < 1e-13 && abs(x[0] - x0 * rest / n) < 1e-13 && abs(x[1] - x1 * rest / n) < 1e-13, "\(x)")
    }
}
