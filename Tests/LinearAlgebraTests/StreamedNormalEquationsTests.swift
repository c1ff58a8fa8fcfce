import Foundation
import Testing
@testable import LinearAlgebra

/// The streamed normal equations (B given block by block) against the SVD pseudoinverse and the
/// unstreamed refined normal equations on the same matrix.
@Suite struct StreamedNormalEquationsTests {
    /// A matrix held whole, handed out in column blocks of `width`.
    struct Blocks: ColumnBlocks {
        let matrix: Matrix
        let width: Int
        var rows: Int { matrix.rows }
        var columns: Int { matrix.columns }
        func forEachBlock(_ body: (Int, Matrix) throws -> Void) rethrows {
            for first in stride(from: 0, to: columns, by: width) {
                let count = min(width, columns - first)
                let slice = Array(matrix.storage[(first * rows)..<((first + count) * rows)])
                try body(first, Matrix(rows: rows, columns: count, columnMajor: slice))
            }
        }
    }

    let helper = RefinedNormalEquationsTests()

    @Test(arguments: [(40, 300, 7), (40, 300, 300), (64, 65, 10), (1, 10, 3), (120, 500, 64)])
    func matchesTheSVDAndTheUnstreamedSolve(shape: (Int, Int, Int)) throws {
        let (m, n, width) = shape
        for condition in [1.0, 1e3, 1e6] {
            let a = helper.matrix(m, n, condition: condition, salt: UInt64(m * 1000 + n))
            let x = helper.target(n)
            let tolerance = Pseudoinverse.defaultTolerance(rows: m, columns: n)
            let reference = try Pseudoinverse.rowTimesPseudoinverseBySVD(x, a, relativeTolerance: tolerance).solution
            let whole = try #require(try RefinedNormalEquations.solve(x, a, relativeTolerance: tolerance))
            let streamed = try #require(try StreamedNormalEquations.solve(x, Blocks(matrix: a, width: width), relativeTolerance: tolerance))
            #expect(streamed.rank == m)
            #expect(helper.relativeDifference(streamed.solution, reference) < 1e-12 * condition)
            #expect(helper.relativeDifference(streamed.solution, whole.solution) < 1e-13 * condition)
        }
    }

    @Test func declinesRankDeficientAndTallMatrices() throws {
        var a = helper.matrix(30, 200, condition: 10, salt: 3)
        for j in 0..<a.columns { a[29, j] = a[28, j] }  // two equal rows: rank 29
        let x = helper.target(200)
        #expect(try StreamedNormalEquations.solve(x, Blocks(matrix: a, width: 16), relativeTolerance: 1e-12) == nil)
        let tall = helper.matrix(50, 20, condition: 10, salt: 4)
        #expect(try StreamedNormalEquations.solve(helper.target(20), Blocks(matrix: tall, width: 8), relativeTolerance: 1e-12) == nil)
    }

    @Test func gramAndAssemblyMatchTheWholeMatrix() {
        let a = helper.matrix(20, 90, condition: 100, salt: 9)
        let blocks = Blocks(matrix: a, width: 13)
        #expect(blocks.assembled() == a)
        let x = helper.target(90)
        let (g, bx) = blocks.gramAndProduct(x)
        let gram = BLAS.gram(a), product = BLAS.multiply(a, x)
        for i in 0..<20 {
            #expect(abs(bx[i] - product[i]) <= 1e-13 * max(1, abs(product[i])))
            for j in 0..<20 { #expect(abs(g[i, j] - gram[i, j]) <= 1e-13 * max(1, abs(gram[i, j]))) }
        }
    }
}
