import Foundation
import Testing
@testable import SparseScaling

/// The report's theory table: every row has a value or says why not; quantities of D alone are given
/// at the data sizes, equal to the theory evaluated at each size; undefined ones give their reason.
@Suite struct TheoryAppendixTests {
    func cells(_ appendix: HTMLReport.Appendix) throws -> [[String]] {
        guard case .table(let header, let rows) = appendix.body else { throw CancellationError() }
        #expect(header == ["quantity", "value", "formula"])
        return rows
    }

    @Test("no bare dash: every value is given, given at the data sizes, or explained")
    func everyValueOrItsReason() throws {
        for (alpha, beta) in [(0.0, 2.0), (0.5, 0.8), (-1.5, 2.0)] {
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: beta > 1 ? .infinite : .finite(1 << 20))
            let rows = try cells(TheoryAppendix.appendix(parameters: parameters, dataSizes: [256, 4096]))
            #expect(rows.count == (try TheoryReport(parameters: parameters)).tableRows().count)
            for row in rows {
                #expect(row[1] != "—" && !row[1].isEmpty, "\(row[0]) at α = \(alpha), β = \(beta)")
            }
            // The GD failure exponent exists only for α < −1.
            let gd = try #require(rows.first { $0[0] == "GD failure exponent" })
            #expect(alpha < -1 ? Double(gd[1]) != nil : gd[1].hasPrefix("not defined: GD cannot spike"))
        }
    }

    @Test("quantities of D are the theory's values at each data size")
    func valuesAtTheDataSizes() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let rows = try cells(TheoryAppendix.appendix(parameters: parameters, dataSizes: [256, 4096]))
        let exact = try #require(rows.first { $0[0] == "observed coordinates (exact)" })
        let expected = [256.0, 4096].map { fourSignificantDigits(parameters.expectedObservedCoordinates(sampleCount: $0)) }
        #expect(exact[1] == "at D = 256, 4096: " + expected.joined(separator: ", "))
        let regime = try #require(rows.first { $0[0] == "regime" })
        #expect(regime[1].hasPrefix("depends on N and D"))
        #expect(try #require(rows.first { $0[0] == "D" })[1] == "at D = 256, 4096: 256, 4096")
    }
}
