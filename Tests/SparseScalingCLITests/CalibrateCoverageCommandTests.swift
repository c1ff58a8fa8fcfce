import Foundation
import Testing

/// `sparse-scaling calibrate-coverage` end to end: one simulated table calibrated as `calibrate` does, in CSV (the coverage itself is judged over many tables in `CalibrationCoverageTests`), and bad flags
/// refused by name before any work.
@Suite("calibrate-coverage command")
struct CalibrateCoverageCommandTests {
    @Test("one table: the CSV rows")
    func outputs() throws {
        try withTemporaryFolder { folder in
            let base = ["calibrate-coverage", "--tables", "1", "--bootstrap", "20", "--quiet"]
            let csv = try CLI.run(base + ["--format", "csv"], in: folder)
            #expect(csv.status == 0, "\(csv.stderr)")
            let lines = csv.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "quantity,truth,covered,tables,fraction,p_below_90,p_above_99,median_estimate,median_ci_width,verdict,alpha,beta,resamples,seed,failed_tables")
            #expect(lines.dropFirst().map { CLI.csvFields($0)[0] } == ["a", "b", "alpha", "beta"])
            #expect(lines.dropFirst().map { Double(CLI.csvFields($0)[1])! } == [2, 1, 0, 2])
            #expect(lines.dropFirst().allSatisfy { !$0.contains("nan") })
        }
    }

    @Test("bad flags are refused by name", arguments: [
        RefusalCase(arguments: ["--beta", "1"], fragment: "--beta", status: 2),
        RefusalCase(arguments: ["--alpha", "-3"], fragment: "--alpha", status: 2),
        RefusalCase(arguments: ["--tables", "0"], fragment: "--tables", status: 2),
        RefusalCase(arguments: ["--bootstrap", "5"], fragment: "--bootstrap", status: 2),
        RefusalCase(arguments: ["--seed", "-1"], fragment: "--seed", status: 2),
        RefusalCase(arguments: ["--format", "xml"], fragment: "--format", status: 2),
    ])
    func flags(_ c: RefusalCase) throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["calibrate-coverage"] + c.arguments, in: folder)
            #expect(output.status == c.status)
            #expect(output.stderr.hasPrefix("error:") && output.stderr.contains(c.fragment) && output.stdout.isEmpty, "\(output.stderr)")
        }
    }
}
