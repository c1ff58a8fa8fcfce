import Foundation
import Testing
@testable import LinearAlgebra

/// How many passes the streamed normal equations make over B, and the projection v·W they return
/// from the last pass for blocks B = W·R that regenerate W.
@Suite struct StreamedNormalEquationsPassTests {
    /// Counts the passes made over it.
    final class PassCounter: @unchecked Sendable {
        var passes = 0
    }

    /// B = W·R for a held W (rows × k) and R (k × columns), handed out in column blocks of `width`;
    /// a projecting pass also returns uᵀW.
    struct Product: ProjectingColumnBlocks {
        let w: Matrix, r: Matrix, width: Int
        let counter = PassCounter()
        var rows: Int { w.rows }
        var columns: Int { r.columns }
        var sourceColumns: Int { w.columns }
        var whole: Matrix { BLAS.product(w, r) }
        func forEachBlock(_ body: (Int, Matrix) throws -> Void) rethrows {
            counter.passes += 1
            let b = whole
            for first in stride(from: 0, to: columns, by: width) {
                let count = min(width, columns - first)
                try body(first, Matrix(rows: rows, columns: count,
                                       columnMajor: Array(b.storage[(first * rows)..<((first + count) * rows)])))
            }
        }
        func forEachBlock(projecting u: [Double], _ body: (Int, Matrix) throws -> Void) rethrows -> [Double] {
            try forEachBlock(body)
            return BLAS.multiply(w, u, trans: .transposed)
        }
    }

    let helper = RefinedNormalEquationsTests()

    @Test(arguments: [1.0, 1e4])
    func threePassesAndTheProjection(condition: Double) throws {
        let w = helper.matrix(30, 60, condition: condition, salt: 5)
        let r = helper.matrix(60, 400, condition: 10, salt: 6)
        let b = Product(w: w, r: r, width: 37)
        let x = helper.target(400)
        let tolerance = Pseudoinverse.defaultTolerance(rows: 30, columns: 400)
        let plain = try #require(try StreamedNormalEquations.solve(x, b, relativeTolerance: tolerance))
        // The Gram pass (with the first power step), the refinement step, the last power step.
        #expect(b.counter.passes == 3)
        let reference = try Pseudoinverse.rowTimesPseudoinverseBySVD(x, b.whole, relativeTolerance: tolerance).solution
        #expect(helper.relativeDifference(plain.solution, reference) < 1e-12 * condition)
        let projecting = try #require(try StreamedNormalEquations.solveProjecting(x, b, relativeTolerance: tolerance))
        #expect(projecting.solution == plain.solution)
        let projection = try #require(projecting.projection)
        let expected = BLAS.multiply(w, plain.solution, trans: .transposed)
        #expect(helper.relativeDifference(projection, expected) < 1e-14)
    }
}
