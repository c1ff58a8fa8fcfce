import Testing
import LinearAlgebra

/// The LAPACK wrappers against the defining identities of what they compute.
@Suite struct LinearAlgebraTests {
    /// A deterministic pseudo-random m × n matrix of rank at most `rank`.
    func matrix(_ m: Int, _ n: Int, rank: Int, salt: Double) -> Matrix {
        var left = Matrix(rows: m, columns: rank)
        var right = Matrix(rows: rank, columns: n)
        var state = UInt64(salt * 1000) &+ 12345
        func next() -> Double {  // a 64-bit LCG, uniform in [-1, 1)
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-52 - 1
        }
        for i in 0..<m { for j in 0..<rank { left[i, j] = next() } }
        for i in 0..<rank { for j in 0..<n { right[i, j] = next() } }
        return BLAS.product(left, right)
    }

    func maxAbs(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.storage, b.storage).map { abs($0 - $1) }.max() ?? 0
    }

    @Test func pseudoinverseSatisfiesPenroseConditions() throws {
        for (m, n, r) in [(6, 9, 6), (9, 6, 4), (7, 7, 3)] {
            let a = matrix(m, n, rank: r, salt: Double(m))
            let p = try Pseudoinverse.pseudoinverse(a, relativeTolerance: 1e-10)
            #expect(maxAbs(BLAS.product(BLAS.product(a, p), a), a) < 1e-10)
            #expect(maxAbs(BLAS.product(BLAS.product(p, a), p), p) < 1e-8)
            let ap = BLAS.product(a, p)
            #expect(maxAbs(ap, ap.transposed) < 1e-10)
            #expect(try SingularValueDecomposition(a).rank(relativeTolerance: 1e-10) == r)
        }
    }

    @Test func rowTimesPseudoinverseMatchesExplicitProduct() throws {
        let a = matrix(5, 8, rank: 3, salt: 0.3)
        let x = (0..<8).map { Double($0) - 2.5 }
        let (v, rank, _) = try Pseudoinverse.rowTimesPseudoinverse(x, a, relativeTolerance: 1e-10)
        let p = try Pseudoinverse.pseudoinverse(a, relativeTolerance: 1e-10)
        let expected = BLAS.multiply(p, x, trans: .transposed)
        #expect(rank == 3)
        #expect(zip(v, expected).allSatisfy { abs($0 - $1) < 1e-10 })
    }

    @Test func eigendecompositionReconstructs() throws {
        let b = matrix(6, 6, rank: 6, salt: 1.1)
        let a = BLAS.gram(b)
        let e = try SymmetricEigen(a)
        var d = Matrix(rows: 6, columns: 6)
        for i in 0..<6 { d[i, i] = e.values[i] }
        let rebuilt = BLAS.product(BLAS.product(e.vectors, d), e.vectors, transB: .transposed)
        #expect(maxAbs(rebuilt, a) < 1e-10)
        #expect(e.values == e.values.sorted())
    }

    @Test func pivotedCholeskyRevealsRankAndReconstructs() throws {
        let b = matrix(8, 3, rank: 3, salt: 2.0)
        let a = BLAS.gram(b)  // 8 × 8 of rank 3
        let c = try PivotedCholesky(a, tolerance: 1e-12)
        #expect(c.rank == 3)
        #expect(maxAbs(BLAS.gram(c.factor), a) < 1e-10)
    }

    @Test func choleskySolveInverts() throws {
        var a = BLAS.gram(matrix(4, 4, rank: 4, salt: 0.5))
        for i in 0..<4 { a[i, i] += 1 }
        let x = [1.0, -2.0, 0.5, 3.0]
        let z = try CholeskySolve.rowTimesInverse(x, a)
        let back = BLAS.multiply(a, z)
        #expect(zip(back, x).allSatisfy { abs($0 - $1) < 1e-12 })
    }
}

import Foundation
