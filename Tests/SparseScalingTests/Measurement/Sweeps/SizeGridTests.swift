import Testing
@testable import SparseScaling

/// Parsing of size values, lists and geometric ranges.
@Suite struct SizeGridTests {
    @Test func parsesValuesListsAndRanges() throws {
        #expect(try SizeGrid(parsing: "1024", parameter: .featureCount).values == [1024])
        #expect(try SizeGrid(parsing: "1e6", parameter: .sampleCount).values == [1_000_000])
        #expect(try SizeGrid(parsing: "8,16,32", parameter: .featureCount).values == [8, 16, 32])
        #expect(try SizeGrid(parsing: "1000000000000000", parameter: .featureCount).values == [1_000_000_000_000_000])
        #expect(try SizeGrid(parsing: "1e15", parameter: .featureCount).values == [1_000_000_000_000_000])
        #expect(try SizeGrid(parsing: "8...64x2", parameter: .featureCount).values == [8, 16, 32, 64])
        #expect(try SizeGrid(parsing: "8...64", parameter: .featureCount).values == [8, 16, 32, 64])
        #expect(try SizeGrid(parsing: "10...1000x10", parameter: .sampleCount).values == [10, 100, 1000])
        #expect(try SizeGrid(parsing: "4...10x1.5", parameter: .featureCount).values == [4, 6, 9])
    }

    @Test(arguments: ["0", "-3", "x", "", "8...4", "8...64x1", "8...64x0.5", "8..64", "1.5", "8,,16", "nan", "1e400", "8...64x2x3", " 16", "16 ", "8,16, 32", "0x10", "1e16", "10000000000000000", "8...64x0x2", "inf"])
    func rejectsMalformedSizes(text: String) {
        #expect(throws: ParameterError.self) { try SizeGrid(parsing: text, parameter: .featureCount) }
    }

    @Test func errorNamesTheParameter() {
        do {
            _ = try SizeGrid(parsing: "8...4", parameter: .sampleCount)
            Issue.record("expected an error")
        } catch let error as ParameterError {
            #expect(error.parameter == .sampleCount)
            #expect(error.message(naming: { $0 == .sampleCount ? "--d" : "?" }).contains("--d"))
            #expect("\(error)".contains("for D:"))
        } catch {
            Issue.record("expected a ParameterError, got \(error)")
        }
    }
}
