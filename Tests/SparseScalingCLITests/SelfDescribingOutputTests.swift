import Foundation
import Testing

/// Outputs that describe themselves: the results CSV loads in pandas as documented, JSON echoes the whole
/// configuration with snake_case keys, `sweep` states the theory's verdict and where its rows came from,
/// `--format csv`/`--out`/`--quiet`, `plot`, and the Ctrl-C and resume messages.
@Suite("Outputs that describe themselves", .serialized)
struct SelfDescribingOutputTests {
    /// A small N-sweep stored in `s.sqlite` of `folder` (tagged `mine`), plus a finite-M point and a gd point.
    static func fillStore(in folder: URL) throws {
        for command in [
            ["sweep", "--n", "4...16x2", "--d", "128", "--seeds", "2", "--tag", "mine"],
            ["sweep", "--n", "8", "--d", "16", "--data", "dense", "--m", "32", "--seeds", "1"],
            ["sweep", "--n", "8", "--d", "16", "--solver", "gd", "--max-iterations", "200", "--seeds", "1"],
        ] {
            let output = try CLI.run(command + ["--store", "s.sqlite", "--quiet"], in: folder)
            #expect(output.status == 0, "\(command): \(output.stderr)")
        }
    }

    @Test("results --format csv loads in pandas: m is float inf, a tag column splits runs, options are columns")
    func resultsCSVInPandas() throws {
        let probe = try Self.python(["-c", "import pandas"])
        guard probe.status == 0 else {
            print("skipped: python3 with pandas is not available (\(probe.stderr.split(separator: "\n").last ?? "no python3")); the Swift checks below still run")
            try Self.checkCSVInSwift()
            return
        }
        try withTemporaryFolder { folder in
            try Self.fillStore(in: folder)
            let output = try CLI.run(["results", "--store", "s.sqlite", "--format", "csv", "--out", "r.csv"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let script = """
                import numpy as np, pandas as pd
                df = pd.read_csv("r.csv")
                assert df["m"].dtype == float, df["m"].dtype
                assert np.isinf(df.loc[df.data == "sparse", "m"]).all()
                assert (df.loc[df.data == "dense", "m"] == 32).all()
                assert "tag" in df.columns and "extras" not in df.columns and "extra" not in df.columns
                assert sorted(df.tag.unique()) == ["mine", "sweep"], df.tag.unique()
                assert (df.groupby("tag").size()["mine"]) == 6
                assert df.loc[df.solver == "gd", "max_iterations"].tolist() == [200.0]
                assert df.loc[df.solver != "gd", "max_iterations"].isna().all()
                print("ok", len(df))
                """
            let run = try Self.python(["-c", script], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("ok 8"))
        }
    }

    /// The same checks as the pandas test, parsing the CSV in Swift.
    static func checkCSVInSwift() throws {
        try withTemporaryFolder { folder in
            try fillStore(in: folder)
            let output = try CLI.run(["results", "--store", "s.sqlite", "--format", "csv"], in: folder)
            let lines = output.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = lines[0]
            let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            #expect(rows.count == 8)
            #expect(!header.contains("extras") && !header.contains("extra"))
            #expect(rows.filter { $0["data"] == "sparse" }.allSatisfy { Double($0["m"]!) == .infinity })
            #expect(rows.filter { $0["tag"] == "mine" }.count == 6)
            #expect(rows.filter { $0["solver"] == "gd" }.map { $0["max_iterations"] } == ["200.0"])
        }
    }

    @Test("sweep: theory verdict, rows from the store vs computed, the store; JSON echoes the configuration")
    func sweepDescribesItself() throws {
        try withTemporaryFolder { folder in
            let first = try CLI.run(["sweep", "--n", "4...16x2", "--d", "16384", "--seeds", "2", "--store", "s.sqlite"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("theory α_N = α + β = 2: "))
            #expect(first.stdout.contains("the 95% CI"))
            #expect(first.stdout.contains("rows: 0 from the store, 6 computed; store s.sqlite"))
            let second = try CLI.run(["sweep", "--n", "4...16x2", "--d", "16384", "--seeds", "3", "--store", "s.sqlite", "--format", "json"], in: folder)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stderr.contains("6 of 9 (point, seed) pairs already stored in s.sqlite"))
            let object = try #require(JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
            let configuration = try #require(object["configuration"] as? [String: Any])
            for key in ["alpha", "beta", "m", "data", "features", "solver", "tail", "ridge", "seeds", "store", "version", "tag"] {
                #expect(configuration.keys.contains(key), "configuration lacks \(key)")
            }
            #expect(configuration["store"] as? String == "s.sqlite")
            #expect((configuration["seeds"] as? [Int]) == [0, 1, 2])
            let rows = try #require(object["rows"] as? [String: Int])
            #expect(rows == ["from_store": 6, "computed": 3])
            let theory = try #require(object["theory"] as? [String: Any])
            #expect(theory["exponent"] as? Double == 2)
            #expect(second.stdout.contains("\n  \""))  // pretty-printed
            #expect(Self.camelCaseKeys(in: object).isEmpty, "camelCase keys: \(Self.camelCaseKeys(in: object))")
            let quiet = try CLI.run(["sweep", "--n", "4...16x2", "--d", "16384", "--seeds", "3", "--store", "s.sqlite", "--quiet"], in: folder)
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        }
    }

    @Test("point json is pretty with snake_case keys; --format csv and --out write the same point")
    func pointFormats() throws {
        try withTemporaryFolder { folder in
            let json = try CLI.run(["point", "--n", "8", "--d", "64", "--format", "json"], in: folder)
            #expect(json.status == 0, "\(json.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(Self.camelCaseKeys(in: object).isEmpty)
            for key in ["alpha", "beta", "m", "data", "features", "solver", "tail", "ridge", "seed", "version"] {
                #expect(object.keys.contains(key), "point json lacks \(key)")
            }
            let csv = try CLI.run(["point", "--n", "8", "--d", "64", "--format", "csv", "--out", "p.csv"], in: folder)
            #expect(csv.status == 0 && csv.stdout.isEmpty, "\(csv.stderr)")
            let lines = try String(contentsOf: folder.appendingPathComponent("p.csv"), encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2)
            let cells = Dictionary(uniqueKeysWithValues: zip(lines[0].split(separator: ","), lines[1].split(separator: ",", omittingEmptySubsequences: false)))
            #expect(cells["m"] == "inf")
            let csvLoss = try #require(Double(String(cells["loss"] ?? ""))), jsonLoss = try #require(object["loss"] as? Double)
            #expect(abs(csvLoss - jsonLoss) <= 1e-12 * jsonLoss)  // two runs; multithreaded BLAS may differ in the last bit
            let refused = try CLI.run(["point", "--n", "8", "--d", "64", "--out", "."], in: folder)
            #expect(refused.status == 2 && refused.stderr.contains("--out"))
        }
    }

    @Test("theory: csv row with the prefactors, law in words; the prefactor is Γ(1 − 1/β)")
    func theoryPrefactors() throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["theory", "--alpha", "0.3", "--beta", "1.6", "--d", "1e6", "--format", "csv"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            let header = lines[0].split(separator: ",").map(String.init)
            let prefactor = try #require(header.firstIndex(of: "observed_coordinates_prefactor"))
            let lossPrefactor = try #require(header.firstIndex(of: "model_rich_loss_prefactor"))
            let json = try CLI.run(["theory", "--alpha", "0.3", "--beta", "1.6", "--d", "1e6", "--format", "json"], in: folder)
            let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let cK = try #require(object["observed_coordinates_prefactor"] as? Double)
            let cL = try #require(object["model_rich_loss_prefactor"] as? Double)
            #expect(abs(cK - tgamma(1 - 1 / 1.6)) < 1e-12 * cK)
            #expect(abs(cL - tgamma(1.9 / 1.6) / 1.6) < 1e-12 * cL)
            // The asymptotes are the prefactors times the power of D.
            let kAsymptote = try #require(object["observed_coordinates_asymptotic"] as? Double)
            #expect(abs(kAsymptote - cK * pow(1e6, 1 / 1.6)) < 1e-9 * kAsymptote)
            _ = (prefactor, lossPrefactor)
            #expect((object["law_explanation"] as? String)?.contains("β times slower") == true)
            let text = try CLI.run(["theory", "--beta", "0.8", "--m", "1000"], in: folder)
            #expect(text.stdout.contains("one exponent (β ≤ 1)"))
        }
    }

    @Test("plot draws a stored sweep: error bars, fit and theory line; sweep --plot writes the same kind of figure")
    func plot() throws {
        try withTemporaryFolder { folder in
            let sweep = try CLI.run(["sweep", "--n", "4...32x2", "--d", "128", "--seeds", "2", "--store", "s.sqlite", "--plot", "a.svg", "--quiet"], in: folder)
            #expect(sweep.status == 0, "\(sweep.stderr)")
            let plot = try CLI.run(["plot", "--store", "s.sqlite", "--n", "4...32x2", "--d", "128", "--seeds", "2", "--out", "b.svg"], in: folder)
            #expect(plot.status == 0, "\(plot.stderr)")
            #expect(plot.stdout.contains("4 of 4 points"))
            for name in ["a.svg", "b.svg"] {
                let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
                #expect(svg.contains("measured (mean ± SE)"))
                #expect(svg.contains("theory α_N = α + β"))
                #expect(svg.contains("fit"))
            }
            let missing = try CLI.run(["plot", "--store", "s.sqlite", "--n", "4...32x2", "--d", "999", "--out", "c.svg"], in: folder)
            #expect(missing.status == 1 && missing.stderr.hasPrefix("error: "))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.svg").path))
        }
    }

    @Test("Ctrl-C prints one line with what is saved and the command that resumes; resuming computes the rest")
    func interrupt() throws {
        try withTemporaryFolder { folder in
            let arguments = ["sweep", "--n", "64...1024x2", "--d", "100000", "--seeds", "40", "--store", "s.sqlite", "--threads", "1"]
            let (process, _, errorPipe) = try CLI.start(arguments, in: folder)
            // Wait until some rows are stored, then interrupt.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, ((try? CLI.storedRows("s.sqlite", in: folder).count) ?? 0) < 2 { Thread.sleep(forTimeInterval: 0.2) }
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            let stderr = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 130)
            let lines = stderr.split(separator: "\n").filter { $0.contains("interrupted") }
            #expect(lines.count == 1, "\(stderr)")
            let line = String(lines.first ?? "")
            #expect(line.contains("saved in s.sqlite"))
            #expect(line.contains("resume with: sparse-scaling sweep --n 64...1024x2 --d 100000 --seeds 40 --store s.sqlite --threads 1"))
            let stored = try CLI.storedRows("s.sqlite", in: folder).count
            #expect(stored >= 2 && stored < 200)
            if let saved = line.split(separator: ":").dropFirst().first?.split(separator: " ").first.flatMap({ Int($0) }) {
                #expect(saved <= stored)
            }
        }
    }

    /// Keys of `object` (recursively) that contain an upper-case ASCII letter, other than the paper's α_N/α_D names.
    static func camelCaseKeys(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, child in
                (key.contains(where: \.isUppercase) ? [key] : []) + camelCaseKeys(in: child)
            }
        }
        if let array = value as? [Any] { return array.flatMap(camelCaseKeys) }
        return []
    }

    /// Runs python3 with `arguments` (in `folder` when given).
    static func python(_ arguments: [String], in folder: URL? = nil) throws -> CLI.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal)
    }
}

/// The sweep verdict can fail: a clean sweep far from its limit lands outside, a noisy one is inconclusive.
@Suite("Sweep verdict")
struct SweepVerdictTests {
    @Test("verdicts: inside, outside and inconclusive all occur")
    func verdictsCanFail() throws {
        try withTemporaryFolder { folder in
            // A D-sweep at fixed small N saturates (loss stops falling): outside the 95% CI of α_D.
            let saturated = try CLI.run(["sweep", "--n", "4", "--d", "256...4096x2", "--seeds", "3", "--store", "s.sqlite", "--quiet"], in: folder)
            #expect(saturated.status == 0, "\(saturated.stderr)")
            #expect(saturated.stdout.contains("outside the 95% CI") || saturated.stdout.contains("inconclusive"), "\(saturated.stdout)")
            // Model-rich D-sweep with enough seeds: α_D = 1 inside a narrow CI.
            let clean = try CLI.run(["sweep", "--n-per-d", "4", "--d", "256...8192x2", "--seeds", "4", "--store", "s.sqlite", "--quiet"], in: folder)
            #expect(clean.status == 0, "\(clean.stderr)")
            #expect(clean.stdout.contains("theory α_D = (α + β)/β = 1: inside the 95% CI"), "\(clean.stdout)")
        }
    }
}
