import Foundation
import Testing
@testable import LinearAlgebra

/// The refined normal equations against the SVD pseudoinverse, and their hand-over to Householder QR and the SVD.
@Suite struct RefinedNormalEquationsTests {
    /// A deterministic pseudo-random m × n matrix with singular values spaced geometrically from 1 to 1/κ.
    func matrix(_ m: Int, _ n: Int, condition: Double, salt: UInt64) -> Matrix {
        var state = salt &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Double {  // a 64-bit LCG, uniform in [-1, 1)
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-52 - 1
        }
        let p = min(m, n)
        func orthonormalColumns(_ rows: Int) throws -> Matrix {
            var g = Matrix(rows: rows, columns: p)
            for i in 0..<rows { for j in 0..<p { g[i, j] = next() } }
            return try SingularValueDecomposition(g).u
        }
        let u = try! orthonormalColumns(m), v = try! orthonormalColumns(n)
        var scaled = u
        for j in 0..<p {
            let s = p == 1 ? 1 : pow(condition, -Double(j) / Double(p - 1))
            for i in 0..<m { scaled[i, j] *= s }
        }
        return BLAS.product(scaled, v, transB: .transposed)
    }

    func target(_ count: Int) -> [Double] { (0..<count).map { sin(Double($0) * 0.7) + 0.1 } }

    func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        let norm = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() / norm
    }

    @Test(arguments: [(40, 300), (300, 40), (64, 64), (1, 10), (10, 1), (120, 121)])
    func matchesTheSVDWhenWellConditioned(shape: (Int, Int)) throws {
        let (m, n) = shape
        for condition in [1.0, 1e3, 1e6] {
            let a = matrix(m, n, condition: condition, salt: UInt64(m * 1000 + n))
            let x = target(n)
            let expected = try Pseudoinverse.rowTimesPseudoinverseBySVD(x, a, relativeTolerance: 1e-13).solution
            guard let (v, rank) = try RefinedNormalEquations.solve(x, a, relativeTolerance: 1e-13) else {
                Issue.record("the refined normal equations declined at κ = \(condition), \(m)×\(n)")
                continue
            }
            #expect(rank == min(m, n))
            // Householder QR reaches ≈ 0.3·κ·ε here; the normal equations without refinement ≈ κ²·ε.
            #expect(relativeDifference(v, expected) < 1e-15 * condition * Double(max(m, n)).squareRoot(),
                    "κ = \(condition), \(m)×\(n)")
        }
    }

    @Test func handsOverToHouseholderWhenIllConditioned() throws {
        for (m, n) in [(50, 200), (200, 50)] {
            let a = matrix(m, n, condition: 1e10, salt: 7)
            let x = target(n)
            #expect(try RefinedNormalEquations.solve(x, a, relativeTolerance: 1e-13) == nil, "κ = 1e10 must be declined")
            let (v, rank, _) = try Pseudoinverse.rowTimesPseudoinverse(x, a, relativeTolerance: 1e-13)
            let expected = try Pseudoinverse.rowTimesPseudoinverseBySVD(x, a, relativeTolerance: 1e-13).solution
            #expect(rank == min(m, n))
            #expect(relativeDifference(v, expected) < 1e-4)
        }
    }

    @Test func rankDeficiencyIsNeverSolvedByTheNormalEquations() throws {
        // Rank 3 in 8 × 20 and 20 × 8: the Gram matrix is singular in exact arithmetic.
        var state: UInt64 = 99
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-52 - 1
        }
        for (m, n) in [(8, 20), (20, 8)] {
            var left = Matrix(rows: m, columns: 3), right = Matrix(rows: 3, columns: n)
            for i in 0..<m { for j in 0..<3 { left[i, j] = next() } }
            for i in 0..<3 { for j in 0..<n { right[i, j] = next() } }
            let a = BLAS.product(left, right)
            let x = target(n)
            #expect(try RefinedNormalEquations.solve(x, a, relativeTolerance: 1e-10) == nil, "rank 3 solved as full rank")
            #expect(try Pseudoinverse.rowTimesPseudoinverse(x, a, relativeTolerance: 1e-10).rank == 3)
        }
    }

    @Test func aCoarseToleranceDeclaresRankDeficiency() throws {
        let a = matrix(30, 90, condition: 1e3, salt: 3)
        #expect(try RefinedNormalEquations.solve(target(90), a, relativeTolerance: 1e-2) == nil,
                "singular values below 1e-2·σ_max must send the caller to the SVD")
        #expect(try Pseudoinverse.rowTimesPseudoinverse(target(90), a, relativeTolerance: 1e-2).rank < 30)
    }
}

extension RefinedNormalEquationsTests {
    /// Rank-deficient matrices whose Gram matrix a rounding error may leave positive definite: whatever the
    /// target (inside the row space or not), the answer must be the SVD's.
    @Test func rankDeficientMatricesGiveTheSVDAnswer() throws {
        var state: UInt64 = 2024
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-52 - 1
        }
        var accepted = 0
        for (m, n, r) in [(30, 200, 29), (200, 30, 29), (60, 61, 59), (120, 400, 100), (400, 120, 119), (16, 16, 15)] {
            var left = Matrix(rows: m, columns: r), right = Matrix(rows: r, columns: n)
            for i in 0..<m { for j in 0..<r { left[i, j] = next() } }
            for i in 0..<r { for j in 0..<n { right[i, j] = next() } }
            let a = BLAS.product(left, right)
            let tolerance = Pseudoinverse.defaultTolerance(rows: m, columns: n)
            let generic = (0..<n).map { _ in next() }
            let consistent = BLAS.multiply(a, (0..<m).map { _ in next() }, trans: .transposed)  // in A's row space
            for x in [generic, consistent] {
                let expected = try Pseudoinverse.rowTimesPseudoinverseBySVD(x, a, relativeTolerance: tolerance)
                if let fast = try RefinedNormalEquations.solve(x, a, relativeTolerance: tolerance) {
                    accepted += 1
                    Issue.record("rank \(r) of \(m)×\(n) accepted; difference \(relativeDifference(fast.solution, expected.solution))")
                }
                let (v, rank, _) = try Pseudoinverse.rowTimesPseudoinverse(x, a, relativeTolerance: tolerance)
                #expect(rank == r, "\(m)×\(n) rank \(r)")
                #expect(relativeDifference(v, expected.solution) < 1e-8, "\(m)×\(n) rank \(r)")
            }
        }
        #expect(accepted == 0)
    }
}
