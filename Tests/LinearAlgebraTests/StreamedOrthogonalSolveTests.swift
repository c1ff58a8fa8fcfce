import Foundation
import Testing
@testable import LinearAlgebra

/// The streamed QR of Bᵀ (B given block by block) against the SVD pseudoinverse and the unstreamed
/// Householder QR of the whole matrix, on well- and ill-conditioned (normal equations declined) and
/// rank-deficient matrices.
@Suite struct StreamedOrthogonalSolveTests {
    typealias Blocks = StreamedNormalEquationsTests.Blocks
    let helper = RefinedNormalEquationsTests()

    @Test(arguments: [(40, 300, 7), (40, 300, 300), (64, 65, 10), (1, 10, 3), (120, 500, 64), (70, 400, 129)])
    func matchesTheSVDAndTheUnstreamedQR(shape: (Int, Int, Int)) throws {
        let (m, n, width) = shape
        for condition in [1.0, 1e3, 1e6, 1e10] {
            let a = helper.matrix(m, n, condition: condition, salt: UInt64(m * 1000 + n))
            let x = helper.target(n)
            let tolerance = Pseudoinverse.defaultTolerance(rows: m, columns: n)
            let reference = try Pseudoinverse.rowTimesPseudoinverseBySVD(x, a, relativeTolerance: tolerance).solution
            let whole = try #require(try OrthogonalFactorSolve.solve(x, a, relativeTolerance: tolerance))
            let streamed = try StreamedOrthogonalSolve.rowTimesPseudoinverse(x, Blocks(matrix: a, width: width), relativeTolerance: tolerance)
            #expect(streamed.rank == m)
            #expect(streamed.route == .householderQR)
            #expect(helper.relativeDifference(streamed.solution, reference) < 1e-12 * condition)
            #expect(helper.relativeDifference(streamed.solution, whole.solution) < 1e-13 * condition)
        }
    }

    @Test func ill_conditionedMatricesAreDeclinedByTheNormalEquationsButSolvedHere() throws {
        let a = helper.matrix(50, 600, condition: 1e9, salt: 17)
        let x = helper.target(600)
        let blocks = Blocks(matrix: a, width: 64)
        let tolerance = Pseudoinverse.defaultTolerance(rows: 50, columns: 600)
        #expect(try StreamedNormalEquations.solve(x, blocks, relativeTolerance: tolerance) == nil)
        let streamed = try StreamedOrthogonalSolve.rowTimesPseudoinverse(x, blocks, relativeTolerance: tolerance)
        let reference = try Pseudoinverse.rowTimesPseudoinverse(x, a, relativeTolerance: tolerance)
        #expect(reference.route == .householderQR && streamed.route == .householderQR)
        #expect(helper.relativeDifference(streamed.solution, reference.solution) < 1e-12 * 1e9)
    }

    @Test func rankDeficientMatricesTakeTheSVDOfTheTriangle() throws {
        var a = helper.matrix(30, 200, condition: 10, salt: 3)
        for j in 0..<a.columns { a[29, j] = a[28, j] }  // two equal rows: rank 29
        for j in 0..<a.columns { a[27, j] = 2 * a[3, j] - a[5, j] }  // a dependent row: rank 28
        let x = helper.target(200)
        let tolerance = 1e-12
        let reference = try Pseudoinverse.rowTimesPseudoinverseBySVD(x, a, relativeTolerance: tolerance)
        let streamed = try StreamedOrthogonalSolve.rowTimesPseudoinverse(x, Blocks(matrix: a, width: 16), relativeTolerance: tolerance)
        #expect(reference.rank == 28)
        #expect(streamed.rank == 28)
        #expect(streamed.route == .singularValueDecomposition)
        #expect(helper.relativeDifference(streamed.solution, reference.solution) < 1e-12)
    }
}
