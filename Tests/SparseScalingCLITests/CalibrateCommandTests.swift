import Foundation
import Testing

/// `sparse-scaling calibrate` end to end on a small synthetic table (48 runs of a known additive law):
/// the four output files, the JSON and CSV formats, and bad tables refused by flag with the right status.
@Suite("calibrate command")
struct CalibrateCommandTests {
    /// 48 runs of L = 1.8 + 480/N^0.35 + 2000/D^0.37 with a deterministic ±1% wobble, 4 budgets × 12 sizes.
    static let table: String = {
        var lines = ["n,tokens,loss"]
        for (b, c) in [1e18, 1e19, 1e20, 1e21].enumerated() {
            for k in 0..<12 {
                let n = exp(0.5 * log(c / 6 / 1000) + Double(k) * 0.5 * log(1000 / 0.5) / 11)
                let d = c / (6 * n)
                let wobble = 1 + 0.01 * sin(Double(7 * k + 3 * b))
                lines.append("\(n),\(d),\((1.8 + 480 * pow(n, -0.35) + 2000 * pow(d, -0.37)) * wobble)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("outputs: text, json, csv and the --out folder")
    func outputs() throws {
        try withTemporaryFolder { folder in
            try Self.table.write(to: folder.appendingPathComponent("runs.csv"), atomically: true, encoding: .utf8)
            let base = ["calibrate", "--data", "runs.csv", "--d-column", "tokens", "--bootstrap", "6", "--folds", "3", "--quiet"]
            let text = try CLI.run(base + ["--out", "out"], in: folder)
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.contains("β > 1"))
            #expect(text.stdout.contains("cross-validation, 3 folds"))
            #expect(text.stderr.isEmpty)
            let out = folder.appendingPathComponent("out")
            #expect(contents(of: out) == ["calibrate.columns.json", "calibrate.csv", "calibrate.json", "calibrate.svg"])
            let json = try CLI.run(base + ["--format", "json"], in: folder)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(object["runs"] as? Int == 48)
            #expect(object["verdict_text"] is String)
            #expect((object["quantities"] as? [Any])?.count == 14)
            let csv = try CLI.run(base + ["--format", "csv"], in: folder)
            #expect(csv.stdout.hasPrefix("form,quantity,estimate,lower_95,upper_95,lower_95_one_sided,se,runs,resamples,seed,compute\n"))
            #expect(csv.stdout == (try String(contentsOf: out.appendingPathComponent("calibrate.csv"), encoding: .utf8)))
            let svg = try String(contentsOf: out.appendingPathComponent("calibrate.svg"), encoding: .utf8)
            #expect(svg.contains("<svg") && svg.contains("iso-FLOP"))
        }
    }

    @Test("bad tables and flags are refused by name", arguments: [
        RefusalCase(arguments: ["--loss-column", "L"], fragment: "--loss-column", status: 2),
        RefusalCase(arguments: ["--n-column", "N"], fragment: "--n-column", status: 2),
        RefusalCase(arguments: ["--flop-column", "C"], fragment: "--flop-column", status: 2),
        RefusalCase(arguments: ["--d-column", "tokens", "--flop-column", "tokens"], fragment: "--d-column", status: 2),
        RefusalCase(arguments: ["--folds", "1"], fragment: "--folds", status: 2),
        RefusalCase(arguments: ["--compute", "-1"], fragment: "--compute", status: 2),
        RefusalCase(arguments: ["--bootstrap", "x"], fragment: "--bootstrap", status: 2),
    ])
    func flags(_ c: RefusalCase) throws {
        try withTemporaryFolder { folder in
            try Self.table.write(to: folder.appendingPathComponent("runs.csv"), atomically: true, encoding: .utf8)
            let output = try CLI.run(["calibrate", "--data", "runs.csv", "--d-column", "tokens"].filter { !(c.arguments.contains("--flop-column") && ($0 == "--d-column" || $0 == "tokens")) } + c.arguments, in: folder)
            #expect(output.status == c.status)
            #expect(output.stderr.hasPrefix("error:") && output.stderr.contains(c.fragment), "\(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
    }

    @Test("bad files are refused by --data with status 1", arguments: [
        ("n,d,loss\n1,2,0\n", "not > 0"),
        ("n,d,loss\n1,2,abc\n", "not a finite number"),
        ("n,d,loss\n1,2\n", "malformed CSV at line 2"),
        ("n,d,loss\n1,\"2,3\n", "malformed CSV"),
        ("n,d,loss\n1,2,3\n4,5,6\n", "runs: the fit needs at least"),
        ("", "malformed CSV"),
        ("n,d,loss\n" + (1...12).map { "7,\($0),\(1 + 1 / Double($0))" }.joined(separator: "\n") + "\n", "every run has N = 7.0"),
        ("n,d,loss\n", "0 runs: the fit needs at least 8"),
        ("n,d,loss\r\n\r\n", "0 runs: the fit needs at least 8"),
        ("n,d,loss\n1,2,inf\n", "'inf' is not a finite number"),
        ("n,d,loss\n1,2,-Infinity\n", "'-Infinity' is not a finite number"),
        ("n,d,loss\n1,2,1e400\n", "'1e400' is not a finite number"),
        ("n,d,loss\n-5,2,1\n", "column 'n', run 1: -5.0 is not > 0"),
        ("n,d,loss\n5,,1\n", "column 'd', run 1: '' is not a finite number"),
        ("n,d,loss\n5,NaN,1\n", "'NaN' is not a finite number"),
    ])
    func files(_ text: String, _ fragment: String) throws {
        try withTemporaryFolder { folder in
            try text.write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
            let output = try CLI.run(["calibrate", "--data", "bad.csv", "--folds", "0"], in: folder)
            #expect(output.status == 1)
            #expect(output.stderr.hasPrefix("error: --data bad.csv") && output.stderr.contains(fragment), "\(output.stderr)")
            #expect(output.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("tables whose columns cannot be told apart are refused by the column flag", arguments: [
        ("n;d;loss\n1;2;3\n", [String](), "--n-column", "fields must be separated by commas"),
        ("n\td\tloss\n1\t2\t3\n", [], "--n-column", "fields must be separated by commas"),
        ("n,d,loss,loss\n1,2,3,4\n", [], "--loss-column", "column 'loss' appears 2 times"),
        ("n,d,loss\n1,2,3\n", ["--n-column", "loss"], "--loss-column", "--n-column names the same column"),
        ("n,C,loss\n1,2,3\n", ["--flop-column", "n"], "--flop-column", "--n-column names the same column"),
    ])
    func columns(_ text: String, _ flags: [String], _ flag: String, _ fragment: String) throws {
        try withTemporaryFolder { folder in
            try text.write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
            let output = try CLI.run(["calibrate", "--data", "t.csv", "--folds", "0"] + flags, in: folder)
            #expect(output.status == 2)
            #expect(output.stderr.hasPrefix("error:") && output.stderr.contains(flag) && output.stderr.contains(fragment), "\(output.stderr)")
            #expect(output.stderr.split(separator: "\n").count == 1 && output.stdout.isEmpty)
        }
    }

    @Test("byte-order mark, CRLF, blank lines, quoted fields and unused extra columns are read")
    func tolerated() throws {
        try withTemporaryFolder { folder in
            var lines = Self.table.split(separator: "\n").map(String.init)
            lines[0] = "\u{FEFF}\"n\",\"tokens\",loss,\"note, free text\",loss_smoothed"
            for k in 1..<lines.count { lines[k] += ",\"run \(k), \"\"quoted\"\"\",x" }
            let text = lines.joined(separator: "\r\n\r\n") + "\r\n"
            try text.write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
            try Self.table.write(to: folder.appendingPathComponent("plain.csv"), atomically: true, encoding: .utf8)
            let base = ["calibrate", "--d-column", "tokens", "--bootstrap", "0", "--folds", "0", "--quiet", "--format", "csv"]
            let output = try CLI.run(base + ["--data", "t.csv"], in: folder), plain = try CLI.run(base + ["--data", "plain.csv"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout == plain.stdout)
        }
    }

    @Test("a folder is not a --data file")
    func folder() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("runs"), withIntermediateDirectories: true)
            let output = try CLI.run(["calibrate", "--data", "runs"], in: folder)
            #expect(output.status == 2 && output.stderr.hasPrefix("error:") && output.stderr.contains("--data"), "\(output.stderr)")
        }
    }

    @Test("a missing file is a usage error")
    func missing() throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["calibrate", "--data", "nothing.csv"], in: folder)
            #expect(output.status == 2 && output.stderr.contains("--data"))
        }
    }
}
