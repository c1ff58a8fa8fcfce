import Foundation
import Testing

/// What a researcher gets from one command: every experiment's figure, the predicted loss at one (N, D), a plot
/// over every stored seed, and one-pass SGD runs resumed from the store.
@Suite("Researcher outputs end to end")
struct ResearcherOutputTests {
    /// A JSON object from a command's standard output.
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Experiments small enough for a test, with the figure each must write into its --out folder.
    static let experiments: [([String], String)] = [
        (["experiment", "observed-coordinates", "--d", "100,1000", "--seeds", "2"], "observed-coordinates.svg"),
        (["experiment", "gd-failure", "--d", "1000,2000", "--replicates", "40"], "gd-failure.svg"),
        (["experiment", "online", "--n", "8,16", "--steps", "200", "--seeds", "2", "--store", "s.sqlite"], "online.svg"),
    ]

    @Test("an experiment writes its SVG figure beside its data and lists it", arguments: experiments)
    func figure(_ arguments: [String], _ svg: String) throws {
        try withTemporaryFolder { folder in
            let run = try CLI.run(arguments + ["--out", "out"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let text = try String(contentsOf: folder.appendingPathComponent("out/\(svg)"), encoding: .utf8)
            #expect(text.contains("<svg") && text.contains("</svg>") && text.contains("<path"), "\(svg) draws nothing")
            #expect((run.stdout + run.stderr).contains(svg), "the file list does not name \(svg)")
        }
    }

    @Test("theory --n N --d D gives the predicted loss there, the same as the curve's row")
    func theoryAtOnePoint() throws {
        try withTemporaryFolder { folder in
            let single = try CLI.run(["theory", "--n", "512", "--d", "1e4", "--format", "json"], in: folder)
            #expect(single.status == 0, "\(single.stderr)")
            let object = try Self.object(single.stdout)
            let predicted = try #require(object["predicted_loss"] as? [String: Any])
            let curve = try CLI.run(["theory", "--n", "256,512", "--d", "10000", "--format", "json"], in: folder)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(curve.stdout.utf8)) as? [[String: Any]])
            let row = try #require(rows.first { $0["n"] as? Int == 512 })
            for key in ["median", "q10", "q90", "mean"] {
                #expect((predicted[key] as? Double) == (row[key] as? Double), "\(key): \(predicted[key] ?? "nil") vs \(row[key] ?? "nil")")
            }
            #expect(predicted["region"] as? String == row["region"] as? String)
            #expect(object["m"] as? String == "inf" && object["alpha_n"] != nil && object["alpha_N"] == nil)
            let text = try CLI.run(["theory", "--n", "512", "--d", "1e4"], in: folder)
            #expect(text.stdout.contains("predicted loss at this (N, D)"))
            let csv = try CLI.run(["theory", "--n", "512", "--d", "1e4", "--format", "csv"], in: folder)
            #expect(csv.stdout.split(separator: "\n").first?.contains("predicted_loss_median") == true)
            let without = try Self.object(try CLI.run(["theory", "--n", "512", "--format", "json"], in: folder).stdout)
            #expect(without["predicted_loss"] is NSNull && without["predicted_loss_note"] as? String == "give both --n and --d")
        }
    }

    @Test("plot uses every stored seed and says so; fewer seeds chosen is warned; sweep --plot titles say what was swept")
    func plotSeeds() throws {
        try withTemporaryFolder { folder in
            let sweep = try CLI.run(["sweep", "--n", "8,16,32", "--d", "1000", "--seeds", "6", "--store", "s.sqlite", "--plot", "sweep.svg", "--quiet"], in: folder)
            #expect(sweep.status == 0, "\(sweep.stderr)")
            let title = try String(contentsOf: folder.appendingPathComponent("sweep.svg"), encoding: .utf8)
            #expect(title.contains("N-sweep at D = 1000") && title.contains("6 seeds"))
            let all = try CLI.run(["plot", "--store", "s.sqlite", "--n", "8,16,32", "--d", "1000", "--out", "p.svg"], in: folder)
            #expect(all.status == 0, "\(all.stderr)")
            #expect(all.stdout.contains("seeds 0…5 (6 per point)"), "\(all.stdout)")
            #expect(!all.stderr.contains("warning"))
            let some = try CLI.run(["plot", "--store", "s.sqlite", "--n", "8,16,32", "--d", "1000", "--seeds", "4", "--out", "q.svg"], in: folder)
            #expect(some.status == 0 && some.stdout.contains("seeds 0…3 (4 per point)"), "\(some.stdout)")
            #expect(some.stderr.contains("2 more seeds of these points (4…5)"), "\(some.stderr)")
        }
    }

    @Test("experiment online: the joint fit's a_N and a_t rows take their 95% CI from the bootstrap over seeds")
    func onlineJointFitBootstrapRows() throws {
        try withTemporaryFolder { folder in
            let run = try CLI.run(["experiment", "online", "--n", "8,16,32,64", "--steps", "2000", "--seeds", "2", "--format", "json", "--quiet", "--store", "s.sqlite"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let object = try Self.object(run.stdout)
            let boot = try #require(object["joint_in_prediction_range_bootstrap"] as? [[String: Any]])
            let verdicts = try #require(object["verdicts"] as? [[String: Any]])
            for (k, quantity) in ["N-exponent a_N", "t-exponent a_t"].enumerated() {
                let row = try #require(verdicts.first { ($0["quantity"] as? String)?.contains(quantity) == true })
                #expect((row["ci_method"] as? [String: Any])?["kind"] as? String == "bootstrap", "\(row)")
                let ci = try #require(row["ci95"] as? [Double])
                #expect(ci == [boot[k]["lower"] as? Double, boot[k]["upper"] as? Double].compactMap { $0 }, "\(ci) vs \(boot[k])")
                #expect(boot[k]["seeds"] as? Int == 2)
            }
        }
    }

    @Test("experiment online stores each checkpoint as the point it is, and a second run reads every run back")
    func onlineStore() throws {
        try withTemporaryFolder { folder in
            let arguments = ["experiment", "online", "--n", "8,16", "--steps", "300", "--seeds", "2", "--store", "s.sqlite", "--format", "csv"]
            let first = try CLI.run(arguments + ["--out", "a"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr.contains("0 of 4 (N, seed) runs already stored"), "\(first.stderr)")
            let second = try CLI.run(arguments + ["--out", "b"], in: folder)
            #expect(second.stderr.contains("4 of 4 (N, seed) runs already stored"), "\(second.stderr)")
            #expect(first.stdout == second.stdout, "the resumed curves differ")
            // The stored last checkpoint is the point `point --solver online` computes: a sweep finds it stored,
            // and a fresh store computes the same losses.
            let sweep = ["sweep", "--n", "16", "--d", "300", "--solver", "online", "--eta", "0.25", "--seeds", "2", "--format", "json", "--quiet"]
            let found = try Self.object(try CLI.run(sweep + ["--store", "s.sqlite"], in: folder).stdout)
            #expect((found["rows"] as? [String: Any])?["from_store"] as? Int == 2, "\(found["rows"] ?? "")")
            let fresh = try Self.object(try CLI.run(sweep + ["--store", "fresh.sqlite"], in: folder).stdout)
            let stored = try #require((found["points"] as? [[String: Any]])?.first?["loss_mean"] as? Double)
            let computed = try #require((fresh["points"] as? [[String: Any]])?.first?["loss_mean"] as? Double)
            #expect(stored == computed, "stored \(stored), computed \(computed)")
        }
    }

    @Test("experiment online: Ctrl-C prints the runs saved and the command that resumes; a run is stored whole or not at all")
    func onlineInterrupt() throws {
        try withTemporaryFolder { folder in
            let arguments = ["experiment", "online", "--n", "256,512", "--steps", "2000000", "--seeds", "2", "--store", "s.sqlite", "--out", "o", "--threads", "1"]
            let (process, _, errorPipe) = try CLI.start(arguments, in: folder)
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, ((try? CLI.storedRows("s.sqlite", in: folder).count) ?? 0) < 1 { Thread.sleep(forTimeInterval: 0.2) }
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            let stderr = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 130, "\(stderr)")
            let line = String(stderr.split(separator: "\n").last { $0.contains("interrupted") } ?? "")
            #expect(line.contains("new (N, seed) runs saved in s.sqlite"), "\(stderr)")
            #expect(line.contains("resume with: sparse-scaling experiment online --n 256,512 --steps 2000000"))
            // Every stored run has every checkpoint: the rows per (N, seed) are equal in number.
            let results = try CLI.run(["results", "--store", "s.sqlite", "--format", "json"], in: folder)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(results.stdout.utf8)) as? [[String: Any]])
            let perRun = Dictionary(grouping: rows) { "\($0["n"] ?? "")/\($0["seed"] ?? "")" }.mapValues(\.count)
            #expect(!perRun.isEmpty && Set(perRun.values).count == 1, "\(perRun)")
        }
    }
}
