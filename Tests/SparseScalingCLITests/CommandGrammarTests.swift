import Foundation
import Testing

/// One grammar over every subcommand: each bad or extreme command line is refused within 10 s with
/// exit 1 or 2, exactly one `error:` line naming its flag, no NaN, nothing on standard output, and
/// no file created or changed in its working folder.
@Suite("Command-line grammar")
struct CommandGrammarTests {
    /// One refused command line and the flag its message must name.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let flag: String
        var testDescription: String { arguments.map { $0.isEmpty || $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ") }
    }

    /// A valid command line of each subcommand that bad values are put into (the folder holds
    /// `store.sqlite`, a real store, and `file`, a regular file).
    static let bases: [[String]] = [
        ["theory", "--n", "64", "--d", "128"],
        ["point", "--n", "8", "--d", "16"],
        ["sweep", "--n", "8,16", "--d", "16", "--seeds", "1", "--store", "new.sqlite"],
        ["export", "--n", "8", "--d", "16", "--out", "export"],
        ["experiment", "linear-sweeps", "--out", "out", "--store", "new.sqlite"],
        ["experiment", "collapse", "--out", "out", "--store", "new.sqlite"],
        ["experiment", "frontier", "--out", "out", "--store", "new.sqlite"],
        ["experiment", "model-rich-loss", "--out", "out", "--store", "new.sqlite"],
        ["experiment", "relu-sweeps", "--out", "out", "--store", "new.sqlite"],
        ["experiment", "observed-coordinates", "--out", "out"],
        ["experiment", "gd-failure", "--d", "1000", "--replicates", "2", "--out", "out"],
        ["experiment", "curve", "--out", "out", "--store", "new.sqlite"],
        ["experiment", "label-noise", "--out", "out", "--store", "new.sqlite"],
        ["experiment", "online", "--out", "out", "--store", "new.sqlite"],
        ["reproduce", "--out", "out"],
    ]

    /// Values no number flag accepts: not decimal, not finite, padded, hexadecimal, empty or a list.
    static let badNumbers = ["nan", "inf", "-inf", "0x10", " 16", "16 ", "1e400", "", "abc", "1,5"]

    /// Number flags of each command (by its first words) and values that are out of their range.
    static let ranges: [(command: [String], flag: String, values: [String])] = [
        (["theory"], "--alpha", ["-2", " -1"]), (["theory"], "--beta", ["-1", "0.5", "1"]), (["theory"], "--n", ["0", "0.5"]),
        (["theory"], "--d", ["0", "-1"]), (["theory"], "--compute-a", ["0", "-1"]), (["theory"], "--compute-b", ["0"]),
        (["theory"], "--m", ["0", "0x10", " 16", "1.5"]),
        (["point"], "--alpha", ["-2", " -1"]), (["point"], "--beta", ["-1"]), (["point"], "--n", ["0", "1.5", "1e16", "10000000000000000", "8,16"]),
        (["point"], "--d", ["0", "1e16", "10000000000000000"]), (["point"], "--m", ["0", "0x10", "1e30"]),
        (["point"], "--ridge", ["-1"]), (["point"], "--tolerance", ["0", "1"]), (["point"], "--seed", ["-1", "1e3", "18446744073709551616"]),
        (["point"], "--max-memory", ["0", "0.5", "1e30", "2000T", "-1G", "lots"]),
        (["sweep"], "--n", ["8...4", "8...64x1", "8...64x1.0", "8,,16", "8...64x0x10", " 8,16"]), (["sweep"], "--d", ["0", "16,0"]),
        (["sweep"], "--seeds", ["0", "100001", "1.5"]), (["sweep"], "--first-seed", ["-1"]), (["sweep"], "--threads", ["0", "257"]),
        (["sweep"], "--fit-tail", ["2"]), (["sweep"], "--shard", ["3/2", "0/1"]), (["sweep"], "--n-per-d", ["0", "1e300"]),
        (["sweep"], "--max-memory", ["0.5"]),
        (["export"], "--max-export-mb", ["0", "-1"]), (["export"], "--solver", ["gd", "nesterov", "sgd"]),
        (["export"], "--seed", ["-1"]),
        (["experiment", "collapse"], "--seeds", ["0", "100001"]), (["experiment", "collapse"], "--d", ["0", "8...4"]),
        (["experiment", "frontier"], "--n", ["0", "8,,16"]), (["experiment", "frontier"], "--threads", ["0", "257"]),
        (["experiment", "frontier"], "--profile", ["huge"]), (["experiment", "linear-sweeps"], "--alpha", ["-5"]),
        (["experiment", "relu-sweeps"], "--beta", ["-1"]), (["experiment", "model-rich-loss"], "--seeds", ["1.5"]),
        (["experiment", "observed-coordinates"], "--seeds", ["0"]), (["experiment", "observed-coordinates"], "--threads", ["0", "257"]),
        (["experiment", "observed-coordinates"], "--d", ["0", "0x10"]),
        (["experiment", "gd-failure"], "--alpha", ["-5", "nan"]), (["experiment", "gd-failure"], "--eta", ["0", "-1"]),
        (["experiment", "gd-failure"], "--threshold", ["0"]), (["experiment", "gd-failure"], "--replicates", ["0", "-1"]),
        (["experiment", "gd-failure"], "--threads", ["0", "257"]), (["experiment", "gd-failure"], "--n", ["0"]),
        (["experiment", "gd-failure"], "--d", ["1", "0x10"]), (["experiment", "gd-failure"], "--seed", ["-1"]),
        (["experiment", "gd-failure"], "--out", ["file", "file/sub"]),
        (["reproduce"], "--gd-alpha", ["0", "-0.5"]), (["reproduce"], "--threads", ["0"]), (["reproduce"], "--out", ["file/sub"]),
        (["reproduce"], "--max-memory", ["0.5"]), (["reproduce"], "--profile", ["huge"]),
        (["experiment", "curve"], "--settings", ["0:2", "0:2:100:1", "0:2:0", "0:2:1e9", "0:2:2000000", "x:2:100", "0:2:100,",
                                                 " 0:2:100", "nan:2:100", "0:inf:100", "-0.5:0.5:100", "0:2:100,,0:3:100", ""]),
        (["experiment", "curve"], "--seeds", ["0", "100001"]), (["experiment", "curve"], "--under-seeds", ["0", "10001", "1.5"]),
        (["experiment", "curve"], "--estimator", ["exact", ""]),
        (["point"], "--noise", ["-1", "nan", "abc"]), (["sweep"], "--noise", ["-0.5", "inf"]), (["export"], "--noise", ["-1"]),
        (["export"], "--solver", ["online"]), (["experiment", "linear-sweeps"], "--noise", ["-1", "nan"]),
        (["experiment", "label-noise"], "--d", ["0", "8...4"]), (["experiment", "label-noise"], "--seeds", ["0"]),
        (["experiment", "online"], "--steps", ["5", "0x10", "abc", "1,5"]), (["experiment", "online"], "--eta", ["0", "-1", "nan"]),
        (["experiment", "online"], "--n", ["0", "8,,16"]), (["experiment", "online"], "--seeds", ["0", "1.5"]),
        (["point"], "--noise", ["-inf", "inf", "1e400", "0x"]), (["export"], "--noise", ["nan", "inf", "abc"]),
        (["sweep"], "--noise", ["-1", "nan", "abc"]), (["experiment", "collapse"], "--noise", ["-1", "inf", "abc"]),
        (["experiment", "online"], "--max-memory", ["abc", "0"]), (["experiment", "online"], "--threads", ["0", "-1"]),
    ]

    /// Every case: bad numbers in the main number flags, out-of-range values, repeated flags, bad formats.
    static let cases: [Case] = {
        var cases: [Case] = []
        func base(_ command: [String]) -> [String] { bases.first { Array($0.prefix(command.count)) == command }! }
        func with(_ arguments: [String], _ flag: String, _ value: String) -> [String] {
            var a = arguments
            if let i = a.firstIndex(of: flag) { a[i + 1] = value } else { a += [flag, value] }
            return a
        }
        for flag in ["--alpha", "--n", "--d"] {
            for value in badNumbers { cases.append(Case(arguments: with(base(["point"]), flag, value), flag: flag)) }
        }
        // theory takes lists and ranges of sizes (a predicted curve), so "1,5" is valid there and "1,,5" is not.
        for value in badNumbers.filter({ $0 != "1,5" }) + ["1,,5"] {
            cases.append(Case(arguments: with(base(["theory"]), "--d", value), flag: "--d"))
        }
        for value in badNumbers.prefix(6) { cases.append(Case(arguments: with(base(["sweep"]), "--seeds", value), flag: "--seeds")) }
        for value in badNumbers.prefix(6) { cases.append(Case(arguments: with(base(["experiment", "gd-failure"]), "--eta", value), flag: "--eta")) }
        for r in ranges {
            for value in r.values { cases.append(Case(arguments: with(base(r.command), r.flag, value), flag: r.flag)) }
        }
        // One-pass SGD's step size and decay, on a command line where they take effect.
        let online = ["point", "--n", "8", "--d", "16", "--solver", "online"]
        for value in ["0", "-1", "nan", "inf", "abc"] { cases.append(Case(arguments: online + ["--eta", value], flag: "--eta")) }
        for value in ["-1", "nan", "inf", "abc"] { cases.append(Case(arguments: online + ["--eta-decay", value], flag: "--eta-decay")) }
        // A flag given twice, as `--flag value` and as `--flag=value`.
        for b in bases {
            let flag = b.contains("--out") ? "--out" : "--n"
            cases.append(Case(arguments: b + [flag, "again"], flag: flag))
            cases.append(Case(arguments: b + ["\(flag)=again"], flag: flag))
        }
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--alpha", "0.1", "--alpha", "0.2"], flag: "--alpha"))
        cases.append(Case(arguments: ["results", "--store", "store.sqlite", "--format", "csv", "--format=json"], flag: "--format"))
        cases.append(Case(arguments: ["bench", "--quick", "--quick"], flag: "--quick"))
        cases.append(Case(arguments: ["bench", "--sampler-speed", "--only-estimators"], flag: "--sampler-speed"))
        cases.append(Case(arguments: ["merge", "store.sqlite", "--into", "a.sqlite", "--into", "b.sqlite"], flag: "--into"))
        // Output formats and other enumerations.
        for b in [["theory"], ["point", "--n", "8", "--d", "16"], ["sweep", "--n", "8", "--d", "16", "--store", "new.sqlite"],
                  ["results", "--store", "store.sqlite"], ["bench"], ["experiment", "gd-failure", "--d", "1000"],
                  ["experiment", "collapse", "--out", "out", "--store", "new.sqlite"], ["experiment", "observed-coordinates", "--out", "out"],
                  ["experiment", "curve", "--out", "out", "--store", "new.sqlite"]] {
            cases.append(Case(arguments: b + ["--format", "xml"], flag: "--format"))
        }
        // One set of --format values: a command that cannot print one refuses it, naming --format.
        cases.append(Case(arguments: ["bench", "--format", "csv"], flag: "--format"))
        // The estimator comparison's hidden sizes: the default estimator's largest D and its budget per D.
        for value in ["0", "-1", "1.5", "abc"] {
            cases.append(Case(arguments: ["bench", "--only-estimators", "--estimator-sample-limit", value], flag: "--estimator-sample-limit"))
        }
        for value in ["0", "-1", "nan", "inf", "abc"] {
            cases.append(Case(arguments: ["bench", "--only-estimators", "--estimator-budget", value], flag: "--estimator-budget"))
            cases.append(Case(arguments: ["bench", "--only-estimators", "--estimator-minutes", value], flag: "--estimator-minutes"))
        }
        // A refused command with --out FILE leaves no file.
        cases.append(Case(arguments: ["theory", "--n", "0", "--d", "16", "--format", "csv", "--out", "t.csv"], flag: "--n"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "0", "--format", "csv", "--out", "p.csv"], flag: "--d"))
        cases.append(Case(arguments: ["sweep", "--n", "8,16", "--d", "16", "--seeds", "0", "--store", "new.sqlite", "--format", "csv", "--out", "s.csv"], flag: "--seeds"))
        cases.append(Case(arguments: ["results", "--store", "missing.sqlite", "--format", "text", "--out", "r.txt"], flag: "--store"))
        // A refused experiment that would print csv writes nothing (neither its folder nor the store).
        cases.append(Case(arguments: ["experiment", "model-rich-loss", "--format", "csv", "--out", "out", "--store", "new.sqlite", "--seeds", "0"], flag: "--seeds"))
        cases.append(Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--format", "csv", "--out", "out", "--replicates", "0"], flag: "--replicates"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "magic"], flag: "--solver"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "reduced", "--features", "relu"], flag: "--solver"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "gd", "--ridge", "1"], flag: "--ridge"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--ridge", "1"], flag: "--ridge"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--features", "relu"], flag: "--solver"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--data", "dense"], flag: "--solver"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--eta-decay", "0"], flag: "--eta-decay"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--eta-decay", "-1"], flag: "--eta-decay"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--noise", "0.1", "--noise", "0.2"], flag: "--noise"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--data", "dense", "--m", "inf"], flag: "--m"))
        // M = ∞ with β so near 1 that more than 1% of the active entries lie beyond the index cap.
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--beta", "1.05"], flag: "--m"))
        cases.append(Case(arguments: ["point", "--n", "8", "--d", "16", "--beta", "1.01", "--sampler", "sublinear"], flag: "--m"))
        cases.append(Case(arguments: ["sweep", "--n", "8,16", "--d", "16", "--beta", "1.1", "--store", "new.sqlite"], flag: "--m"))
        cases.append(Case(arguments: ["export", "--n", "8", "--d", "16", "--beta", "1.05", "--out", "export"], flag: "--m"))
        cases.append(Case(arguments: ["experiment", "gd-failure", "--estimator", "magic"], flag: "--estimator"))
        cases.append(Case(arguments: ["merge", "store.sqlite", "--into", ""], flag: "--into"))
        cases.append(Case(arguments: ["merge", "store.sqlite", "--into", "store.sqlite"], flag: "--into"))
        cases.append(Case(arguments: ["merge", "store.sqlite", "--into", "x.sqlite", "--prefer", "middle"], flag: "--prefer"))
        cases.append(Case(arguments: ["results", "--store", "file/sub"], flag: "--store"))
        // A grid far larger than meant needs --yes.
        cases.append(Case(arguments: ["sweep", "--n", "4...4096x1.0000001", "--d", "16", "--store", "new.sqlite"], flag: "--yes"))
        cases.append(Case(arguments: ["sweep", "--n", "1...100", "--d", "1...1000x1.01", "--store", "new.sqlite"], flag: "--yes"))
        return cases
    }()

    @Test("there are at least 150 cases over every subcommand")
    func coverage() {
        #expect(Self.cases.count >= 150)
        let commands = Set(Self.cases.map { $0.arguments[0] == "experiment" ? $0.arguments[1] : $0.arguments[0] })
        for c in ["theory", "point", "sweep", "export", "merge", "results", "reproduce", "bench", "linear-sweeps", "collapse",
                  "frontier", "model-rich-loss", "relu-sweeps", "observed-coordinates", "gd-failure", "label-noise", "online"] {
            #expect(commands.contains(c), "no case for \(c)")
        }
    }

    @Test("is refused at once with one line naming the flag, and changes nothing", arguments: cases)
    func refused(_ c: Case) throws {
        try Self.expectRefusal(c.arguments, naming: c.flag)
    }

    /// Options that have no effect in a command, with the flag each refusal must name.
    static let noEffect: [Case] = [
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "new.sqlite", "--seed", "5"], flag: "--seed"),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "new.sqlite", "--eta", "0.1"], flag: "--eta"),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "new.sqlite", "--solver", "gd", "--batch-size", "4"], flag: "--batch-size"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--eta", "0.1"], flag: "--eta"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--batch-size", "4"], flag: "--batch-size"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--max-iterations", "5"], flag: "--max-iterations"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--test-samples", "100"], flag: "--test-samples"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--store", "new.sqlite"], flag: "--store"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--eta", "0.1"], flag: "--eta"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "direct", "--gradient-tolerance", "1e-6"], flag: "--gradient-tolerance"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--max-iterations", "5"], flag: "--max-iterations"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "gd", "--batch-size", "4"], flag: "--batch-size"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--test-samples", "100"], flag: "--test-samples"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--features", "relu", "--tail", "expected"], flag: "--tail"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "nesterov", "--tolerance", "0.01"], flag: "--tolerance"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--seeds", "3"], flag: "--seeds"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--store", "new.sqlite"], flag: "--store"),
        Case(arguments: ["theory", "--seed", "1"], flag: "--seed"),
        Case(arguments: ["theory", "--threads", "2"], flag: "--threads"),
        Case(arguments: ["results", "--store", "store.sqlite", "--seeds", "3"], flag: "--seeds"),
        Case(arguments: ["merge", "store.sqlite", "--into", "x.sqlite", "--threads", "2"], flag: "--threads"),
        Case(arguments: ["experiment", "collapse", "--out", "out", "--store", "new.sqlite", "--n", "8,16"], flag: "--n"),
        Case(arguments: ["experiment", "model-rich-loss", "--out", "out", "--store", "new.sqlite", "--n", "8"], flag: "--n"),
        Case(arguments: ["experiment", "frontier", "--out", "out", "--store", "new.sqlite", "--seed", "3"], flag: "--seed"),
        Case(arguments: ["experiment", "observed-coordinates", "--out", "out", "--n", "8"], flag: "--n"),
        Case(arguments: ["experiment", "gd-failure", "--eta", "1", "--threshold", "2"], flag: "--eta"),
        Case(arguments: ["experiment", "gd-failure", "--embedding", "isometric", "--n", "100"], flag: "--n"),
        Case(arguments: ["reproduce", "--out", "out", "--n", "8"], flag: "--n"),
        Case(arguments: ["bench", "--threads", "2"], flag: "--threads"),
        // Their results are not (configuration, seed) loss rows, so nothing is stored: no --store, --tag, --shard.
        Case(arguments: ["experiment", "observed-coordinates", "--out", "out", "--store", "new.sqlite"], flag: "--store"),
        Case(arguments: ["experiment", "observed-coordinates", "--out", "out", "--tag", "x"], flag: "--tag"),
        Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--replicates", "2", "--store", "new.sqlite"], flag: "--store"),
        Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--replicates", "2", "--shard", "1/2"], flag: "--shard"),
        // One online run is a whole curve: it is stored (--store, --tag) but not split into shards.
        Case(arguments: ["experiment", "online", "--out", "out", "--store", "new.sqlite", "--shard", "1/2"], flag: "--shard"),
        // --quiet only where something is printed on standard error; --format only where a result is printed.
        Case(arguments: ["theory", "--quiet"], flag: "--quiet"),
        Case(arguments: ["results", "--store", "store.sqlite", "--quiet"], flag: "--quiet"),
        Case(arguments: ["reproduce", "--out", "out", "--format", "csv"], flag: "--format"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--format", "csv"], flag: "--format"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--eta-decay", "10"], flag: "--eta-decay"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "sgd", "--eta-decay", "10"], flag: "--eta-decay"),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "new.sqlite", "--eta-decay", "10"], flag: "--eta-decay"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--eta-decay", "10"], flag: "--eta-decay"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--tolerance", "0.01"], flag: "--tolerance"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--max-iterations", "5"], flag: "--max-iterations"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--gradient-tolerance", "1e-6"], flag: "--gradient-tolerance"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--batch-size", "4"], flag: "--batch-size"),
        Case(arguments: ["experiment", "label-noise", "--out", "out", "--store", "new.sqlite", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["experiment", "online", "--out", "out", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["experiment", "online", "--out", "out", "--d", "64"], flag: "--d"),
        Case(arguments: ["theory", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["theory", "--steps", "100"], flag: "--steps"),
        // Label noise does not enter these commands; the online experiment has no estimator or decay.
        Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--replicates", "2", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["experiment", "observed-coordinates", "--out", "out", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["experiment", "curve", "--out", "out", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["bench", "--quick", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["reproduce", "--out", "out", "--noise", "0.1"], flag: "--noise"),
        Case(arguments: ["reproduce", "--out", "out", "--eta-decay", "10"], flag: "--eta-decay"),
        Case(arguments: ["experiment", "online", "--out", "out", "--eta-decay", "10"], flag: "--eta-decay"),
        Case(arguments: ["experiment", "online", "--out", "out", "--estimator", "conditional"], flag: "--estimator"),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--sampler", "sublinear"], flag: "--sampler"),
        Case(arguments: ["point", "--n", "64", "--d", "16", "--estimator", "conditional", "--noise", "0.1", "--ridge", "0.1"], flag: "--estimator"),
        Case(arguments: ["point", "--n", "64", "--d", "16", "--solver", "online", "--estimator", "conditional", "--noise", "0.1"], flag: "--estimator"),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "export", "--noise", "0.1", "--sampler", "sublinear"], flag: "--sampler"),
    ]

    @Test("an option with no effect is refused with one line", arguments: noEffect)
    func noEffectRefused(_ c: Case) throws {
        try Self.expectRefusal(c.arguments, naming: c.flag, status: 2)
    }

    /// Runs `arguments` in a fresh folder and checks the refusal.
    static func expectRefusal(_ arguments: [String], naming flag: String, status: Int32? = nil) throws {
        try withTemporaryFolder { folder in
            try Data("not a folder".utf8).write(to: folder.appendingPathComponent("file"))
            try FileManager.default.copyItem(at: Self.store, to: folder.appendingPathComponent("store.sqlite"))
            let before = try snapshot(folder)
            let start = Date()
            let output = try CLI.run(arguments, in: folder, killAfter: 10)
            let seconds = Date().timeIntervalSince(start)
            #expect(seconds < 10, "took \(seconds) s")
            #expect(!output.signaled)
            if let status { #expect(output.status == status, "stderr: \(output.stderr)") }
            #expect(output.status == 1 || output.status == 2, "exit \(output.status); stderr: \(output.stderr)")
            let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            #expect(lines.count == 1, "exactly one line on stderr: \(output.stderr)")
            #expect(lines.first?.hasPrefix("error: ") == true, "stderr: \(output.stderr)")
            #expect(output.stderr.contains(flag), "message names \(flag): \(output.stderr)")
            let given = arguments.joined(separator: " ").lowercased()
            if !given.contains("nan") { #expect(!output.stderr.lowercased().contains("nan"), "NaN in: \(output.stderr)") }
            #expect(output.stdout.isEmpty, "stdout: \(output.stdout)")
            #expect(try snapshot(folder) == before, "files created or changed")
        }
    }

    /// A small real store, made once by a sweep.
    static let store: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sparse-scaling-grammar-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = try! CLI.run(["sweep", "--n", "4,8", "--d", "16", "--seeds", "1", "--store", "store.sqlite"], in: folder)
        precondition(output.status == 0, "could not make the fixture store: \(output.stderr)")
        return folder.appendingPathComponent("store.sqlite")
    }()

    /// Every path below `folder` with its contents (folders as empty data).
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            result[name] = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
        }
        return result
    }
}
