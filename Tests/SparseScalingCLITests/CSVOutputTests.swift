import Foundation
import Testing

/// `--format csv` of every command that prints data: a header of unique snake_case names and rows of the
/// header's width, no NaN; `--out FILE` holds the same bytes; experiments print their data table while
/// notes go to standard error (silenced by `--quiet`); pandas loads each CSV when python3 has it.
@Suite("CSV output of every command", .serialized)
struct CSVOutputTests {
    /// One command printing CSV, and the columns its table must have.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let columns: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["theory", "--n", "64", "--d", "1000"], columns: ["alpha", "beta", "alpha_n", "alpha_d", "law"]),
        Case(arguments: ["theory", "--n", "8...64x2", "--d", "1000"], columns: ["n", "d", "mean", "median", "region"]),
        Case(arguments: ["point", "--n", "8", "--d", "64"], columns: ["n", "d", "loss", "seed"]),
        Case(arguments: ["sweep", "--n", "4,8", "--d", "64", "--seeds", "2", "--store", "s.sqlite", "--quiet"], columns: ["n", "d", "loss_mean", "loss_se"]),
        Case(arguments: ["results", "--store", "s.sqlite"], columns: ["n", "d", "m", "seed", "loss", "tag"]),
        Case(arguments: ["experiment", "model-rich-loss", "--d", "64,128", "--seeds", "2", "--store", "s.sqlite", "--out", "out", "--quiet"],
             columns: ["d", "n", "loss_mean", "loss_se", "loss_exact"]),
        Case(arguments: ["experiment", "observed-coordinates", "--d", "64,256", "--seeds", "2", "--out", "out", "--quiet"],
             columns: ["d", "k_mean", "k_se", "k_exact"]),
        Case(arguments: ["experiment", "gd-failure", "--d", "1000,2000", "--replicates", "20", "--out", "out", "--quiet"],
             columns: ["d", "estimator", "replicates", "failures", "p", "p_se", "p_low", "p_high"]),
    ]

    @Test("prints a header and rows of its width, snake_case, no NaN, nothing else on stdout", arguments: cases)
    func csvLoads(_ c: Case) throws {
        try withTemporaryFolder { folder in
            try Self.fillStore(in: folder)
            let output = try CLI.run(c.arguments + ["--format", "csv"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let (header, rows) = try Self.parse(output.stdout)
            #expect(Set(header).count == header.count, "repeated column in \(header)")
            // snake_case everywhere, the theory's alpha_n and alpha_d included.
            for name in header { #expect(name.wholeMatch(of: /[a-z][a-z0-9_]*(_[ND])?/) != nil, "column '\(name)' is not snake_case") }
            for name in c.columns { #expect(header.contains(name), "no column \(name) in \(header)") }
            #expect(!rows.isEmpty)
            for row in rows {
                #expect(row.count == header.count, "row of \(row.count) fields under \(header.count) columns")
                #expect(!row.contains { $0.lowercased() == "nan" }, "NaN in \(row)")
            }
            if c.arguments.contains("--quiet") { #expect(output.stderr.isEmpty, "stderr with --quiet: \(output.stderr)") }
            try Self.expectPandasLoads(output.stdout, rows: rows.count, columns: header, in: folder)
        }
    }

    @Test("--out FILE of point, sweep, theory and results holds exactly what standard output would")
    func outFileMatchesStandardOutput() throws {
        try withTemporaryFolder { folder in
            try Self.fillStore(in: folder)
            for arguments in [["theory", "--n", "64", "--d", "1000"], ["point", "--n", "8", "--d", "64"],
                              ["sweep", "--n", "4,8", "--d", "64", "--seeds", "2", "--store", "s.sqlite", "--quiet"],
                              ["results", "--store", "s.sqlite"]] {
                for format in ["text", "json", "csv"] {
                    let printed = try CLI.run(arguments + ["--format", format], in: folder)
                    let written = try CLI.run(arguments + ["--format", format, "--out", "o.\(format)"], in: folder)
                    #expect(printed.status == 0 && written.status == 0, "\(arguments) \(format): \(printed.stderr) \(written.stderr)")
                    #expect(written.stdout.isEmpty, "\(arguments) \(format) printed with --out: \(written.stdout)")
                    let file = try String(contentsOf: folder.appendingPathComponent("o.\(format)"), encoding: .utf8)
                                        #expect(Self.withoutTimings(file) == Self.withoutTimings(printed.stdout), "\(arguments) --format \(format)")
                }
            }
        }
    }

    @Test("results --format text aligns the csv's columns; json is one pretty object per row")
    func resultsTextAndJSON() throws {
        try withTemporaryFolder { folder in
            try Self.fillStore(in: folder)
            let csv = try CLI.run(["results", "--store", "s.sqlite", "--format", "csv"], in: folder)
            let text = try CLI.run(["results", "--store", "s.sqlite", "--format", "text"], in: folder)
            #expect(text.status == 0, "\(text.stderr)")
            let csvLines = csv.stdout.split(separator: "\n")
            let textLines = text.stdout.split(separator: "\n")
            #expect(textLines.count == csvLines.count)
            let header = CLI.csvFields(String(csvLines[0]))
            #expect(textLines[0].split(separator: " ").map(String.init) == header)
            // Every row's tag starts in the same column as the header's.
            let tagColumn = try #require(textLines[0].range(of: " tag ") ?? textLines[0].range(of: " tag"))
            let offset = textLines[0].distance(from: textLines[0].startIndex, to: tagColumn.lowerBound)
            for line in textLines.dropFirst() { #expect(line.count > offset + 1 && line[line.index(line.startIndex, offsetBy: offset)] == " ") }
            let json = try CLI.run(["results", "--store", "s.sqlite", "--format", "json"], in: folder)
            #expect(json.status == 0)
            #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [Any])
        }
    }

    @Test("an experiment prints its JSON with --format json and lists its files on stderr unless --quiet")
    func experimentJSONAndNotes() throws {
        try withTemporaryFolder { folder in
            let arguments = ["experiment", "observed-coordinates", "--d", "64,256", "--seeds", "2", "--out", "out", "--format", "json"]
            let loud = try CLI.run(arguments, in: folder)
            #expect(loud.status == 0, "\(loud.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(loud.stdout.utf8)) as? [String: Any])
            #expect(object["alpha"] as? Double == 0)
            #expect(loud.stderr.hasPrefix("data: ") && loud.stderr.contains("out/observed-coordinates.csv"), "\(loud.stderr)")
            #expect(loud.stderr.split(separator: "\n").count == 1, "\(loud.stderr)")
            let written = try String(contentsOf: folder.appendingPathComponent("out/observed-coordinates.json"), encoding: .utf8)
            #expect(written == loud.stdout)
            let quiet = try CLI.run(arguments + ["--quiet"], in: folder)
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        }
    }

    /// A small store `s.sqlite` in `folder`.
    static func fillStore(in folder: URL) throws {
        let output = try CLI.run(["sweep", "--n", "4,8", "--d", "64", "--seeds", "2", "--store", "s.sqlite", "--quiet"], in: folder)
        guard output.status == 0 else { throw TestFailure("could not fill the store: \(output.stderr)") }
    }

    /// Header and rows of `csv` (RFC 4180 quoting, one record per line).
    static func parse(_ csv: String) throws -> (header: [String], rows: [[String]]) {
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, !first.isEmpty, lines.last == "" else { throw TestFailure("not a CSV ending in a newline: \(csv.prefix(200))") }
        return (CLI.csvFields(first), lines.dropFirst().dropLast().map(CLI.csvFields))
    }

    /// `text` with every number blanked: two runs differ in the seconds a point took (and in nothing
    /// else but timings), and this test is about where the output goes, not its values.
    static func withoutTimings(_ text: String) -> String {
        text.replacing(/[0-9][0-9.e+-]*/, with: "#")
    }

    /// When python3 with pandas is present: `csv` loads with the same rows and columns.
    static func expectPandasLoads(_ csv: String, rows: Int, columns: [String], in folder: URL) throws {
        try csv.write(to: folder.appendingPathComponent("check.csv"), atomically: true, encoding: .utf8)
        let script = """
            import sys, pandas as pd
            df = pd.read_csv("check.csv")
            assert df.shape == (\(rows), \(columns.count)), df.shape
            assert list(df.columns) == sys.argv[1].split(","), list(df.columns)
            print("ok")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, columns.joined(separator: ",")]
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        guard (try? process.run()) != nil else { return }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if stderr.contains("No module named 'pandas'") || process.terminationStatus == 127 { return }
        #expect(process.terminationStatus == 0 && stdout.hasPrefix("ok"), "pandas: \(stderr)")
    }
}
