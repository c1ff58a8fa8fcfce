import Foundation
import Testing
@testable import SparseScaling

/// The sublinear sampler tabulates the whole rest law for a finite M up to 2^22 coordinates: the same
/// hazards as the series it replaces, so the same draws up to rounding; M = ∞ keeps its 2^16 table.
@Suite struct RestActivationLawTableTests {
    @Test func wholeRestTabulatedForModerateFiniteM() {
        #expect(RestActivationLaw.tableSize(hubCount: 4, lastIndex: 100_000) == 99_996)
        #expect(RestActivationLaw.tableSize(hubCount: 4, lastIndex: 1000) == 1 << 16)
        #expect(RestActivationLaw.tableSize(hubCount: 4, lastIndex: SparseSampler.indexCap) == 1 << 16)
        #expect(RestActivationLaw.tableSize(hubCount: 4, lastIndex: (1 << 22) + 5) == 1 << 16)
    }

    /// β = 0.5 and 1, M = 10⁵: T(j) of the whole table against the 2^16 table plus the series beyond it.
    @Test(arguments: [0.5, 1.0])
    func wholeTableAgreesWithTheSeries(beta: Double) {
        let last = 100_000
        let whole = RestActivationLaw(beta: beta, hubCount: 4, lastIndex: last,
                                      tableSize: RestActivationLaw.tableSize(hubCount: 4, lastIndex: last))
        let split = RestActivationLaw(beta: beta, hubCount: 4, lastIndex: last)
        for j in [5, 1000, 65_540, 65_541, 70_000, 90_000, 95_904, 99_000, 99_999] {
            let a = whole.hazard(after: j), b = split.hazard(after: j)
            #expect(abs(a - b) <= 1e-12 * b, "β = \(beta), j = \(j): \(a) vs \(b)")
        }
        #expect(abs(whole.totalHazard - split.totalHazard) <= 1e-13 * split.totalHazard)
    }
}
