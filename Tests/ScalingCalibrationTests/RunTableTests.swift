import Foundation
import Testing
@testable import ScalingCalibration

/// Reading runs: D from tokens or from C/(6N), quoted fields, and every bad table refused with an error
/// that names the column or line (never a crash).
@Suite("Run tables")
struct RunTableTests {
    let tokens = RunColumns(featureCount: "n", data: .tokens("d"), loss: "loss")

    @Test("tokens, compute and quoted header fields")
    func reading() throws {
        let t = try RunTable(csv: "n,d,loss\n10,20,3.5\r\n100,2e3,2.5\n\n", columns: tokens)
        #expect(t.runs == [ScalingRun(featureCount: 10, sampleCount: 20, loss: 3.5), ScalingRun(featureCount: 100, sampleCount: 2000, loss: 2.5)])
        let c = try RunTable(csv: "\"Model Size\",\"Training, FLOP\",loss\n10,600,3\n", columns: RunColumns(featureCount: "Model Size", data: .flop("Training, FLOP"), loss: "loss"))
        #expect(c.runs[0].sampleCount == 10)
        #expect(try RunTable(csv: "\u{FEFF}n,d,loss\n1,2,3\n", columns: tokens).runs.count == 1)  // byte-order mark
    }

    @Test("bad tables are refused by name")
    func refusals() {
        func error(_ text: String, _ columns: RunColumns? = nil) -> CalibrationError? {
            do { _ = try RunTable(csv: text, columns: columns ?? tokens); return nil } catch { return error }
        }
        #expect(error("") == .malformedCSV(line: 1, reason: "the file is empty"))
        #expect(error("n,d\n1,2\n") == .missingColumn(role: "loss", name: "loss", available: ["n", "d"]))
        #expect(error("n,d,loss\n1,2,0\n") == .nonPositive(role: "loss", column: "loss", row: 1, value: 0))
        #expect(error("n,d,loss\n1,-2,1\n") == .nonPositive(role: "d", column: "d", row: 1, value: -2))
        #expect(error("n,d,loss\n1,2,nan\n") == .notANumber(role: "loss", column: "loss", row: 1, text: "nan"))
        #expect(error("n,d,loss\n1,2,x\n") == .notANumber(role: "loss", column: "loss", row: 1, text: "x"))
        #expect(error("n,d,loss\n1,2\n") == .malformedCSV(line: 2, reason: "2 fields where the header has 3"))
        #expect(error("n,d,loss\n1,\"2,3\n") == .malformedCSV(line: 2, reason: "a quoted field is not closed"))
        #expect(error("n,d,loss\n1,2\"x,3\n") == .malformedCSV(line: 2, reason: "a quote inside an unquoted field"))
        #expect(error(String(decoding: [0xFF, 0x00, 0x2C, 0x0A], as: UTF8.self)) != nil)
    }

    @Test("dropping the highest losses keeps file order")
    func dropping() throws {
        let t = try RunTable(csv: "n,d,loss\n1,1,5\n2,2,1\n3,3,9\n4,4,2\n", columns: tokens).droppingHighestLosses(2)
        #expect(t.runs.map(\.loss) == [1, 2])
    }

    @Test("too few runs for the fit")
    func tooFew() throws {
        let runs = (1...6).map { ScalingRun(featureCount: Double($0), sampleCount: Double($0), loss: 1) }
        #expect(throws: CalibrationError.tooFewRuns(count: 6, minimum: 8)) {
            try Calibration.run(RunTable(runs: runs, columns: tokens), settings: CalibrationSettings())
        }
    }
}
