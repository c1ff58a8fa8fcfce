import Foundation
import Testing

/// Every invalid input is refused before any work: exit status 2 (usage) or 1 (runtime), exactly one
/// line on standard error starting with "error:" that names the flag, nothing on standard output,
/// and no file created where the command would have written.
@Suite("Bad inputs")
struct BadInputTests {
    typealias Case = RefusalCase

    /// Outputs every case points at: `store.sqlite`, `out/`. The folder also holds `file` (a regular
    /// file, so `file/sub` cannot be created), `garbage.sqlite` (random bytes) and `text.sqlite`.
    static let cases: [Case] = [
        // Model parameters.
        Case(arguments: ["point", "--n", "8", "--d", "16", "--alpha", "nan"], fragment: "--alpha", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--alpha", "inf"], fragment: "--alpha", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--beta", "-1"], fragment: "--beta", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--alpha", "-3"], fragment: "α + β > 0", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--beta", "0.5"], fragment: "--m", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--m", "0"], fragment: "--m", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--data", "dense", "--m", "inf"], fragment: "--m", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--tail", "realized"], fragment: "--tail", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--ridge", "-1"], fragment: "--ridge", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--ridge", "nan"], fragment: "--ridge", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--tolerance", "2"], fragment: "--tolerance", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--seed", "-1"], fragment: "--seed", status: 2),
        // Label noise and one-pass SGD.
        Case(arguments: ["point", "--n", "8", "--d", "16", "--noise", "-1"], fragment: "--noise", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--noise", "nan"], fragment: "--noise", status: 2),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--noise", "inf"], fragment: "--noise", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--eta-decay", "0"], fragment: "--eta-decay", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--features", "relu"], fragment: "--solver", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "online", "--data", "dense", "--m", "32"], fragment: "--data", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "2000", "--solver", "online", "--eta", "9"], fragment: "online SGD diverged", status: 1),
        Case(arguments: ["experiment", "label-noise", "--noise", "0.1"], fragment: "--noise", status: 2),
        Case(arguments: ["experiment", "online", "--steps", "5"], fragment: "--steps", status: 2),
        // 1 + α + β rounding to 1 trapped the Hurwitz zeta function after every run had finished.
        Case(arguments: ["experiment", "online", "--beta", "1e-300", "--n", "8", "--steps", "100", "--seeds", "1", "--out", "out"], fragment: "--beta", status: 2),
        // Sizes.
        Case(arguments: ["point", "--n", "0", "--d", "16"], fragment: "--n", status: 2),
        Case(arguments: ["point", "--n", "-5", "--d", "16"], fragment: "--n", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "1.5"], fragment: "--d", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "1e300"], fragment: "--d", status: 2),
        Case(arguments: ["point", "--n", "8,16", "--d", "16"], fragment: "one size", status: 2),
        Case(arguments: ["point", "--d", "16"], fragment: "--n", status: 2),
        // Unknown enum values.
        Case(arguments: ["point", "--n", "8", "--d", "16", "--data", "sparse2"], fragment: "--data", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "magic"], fragment: "--solver", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--format", "xml"], fragment: "--format", status: 2),
        Case(arguments: ["results", "--store", "garbage.sqlite", "--format", "xml"], fragment: "--format", status: 2),
        Case(arguments: ["experiment", "collapse", "--profile", "huge", "--out", "out"], fragment: "--profile", status: 2),
        // Ranges and lists.
        Case(arguments: ["sweep", "--n", "8...4", "--d", "16", "--store", "store.sqlite"], fragment: "--n", status: 2),
        Case(arguments: ["sweep", "--n", "8...64x1", "--d", "16", "--store", "store.sqlite"], fragment: "factor > 1", status: 2),
        Case(arguments: ["sweep", "--n", "8,,16", "--d", "16", "--store", "store.sqlite"], fragment: "--n", status: 2),
        Case(arguments: ["sweep", "--n", "8...16...32", "--d", "16", "--store", "store.sqlite"], fragment: "--n", status: 2),
        Case(arguments: ["sweep", "--n-per-d", "1e300", "--d", "16,32", "--store", "store.sqlite"], fragment: "--n-per-d", status: 2),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "store.sqlite", "--shard", "3/2"], fragment: "--shard", status: 2),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "store.sqlite", "--threads", "0"], fragment: "--threads", status: 2),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "store.sqlite", "--seeds", "0"], fragment: "--seeds", status: 2),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "store.sqlite", "--fit-tail", "2"], fragment: "--fit-tail", status: 2),
        // Memory.
        Case(arguments: ["point", "--n", "8", "--d", "16", "--max-memory", "0"], fragment: "--max-memory", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--max-memory", "lots"], fragment: "--max-memory", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--max-memory", "1M"], fragment: "--max-memory", status: 1),
        Case(arguments: ["point", "--n", "1000000", "--d", "1e9", "--max-memory", "64G"], fragment: "needs an estimated", status: 1),
        Case(arguments: ["sweep", "--n", "1e6", "--d", "1e9", "--store", "store.sqlite", "--max-memory", "64G"], fragment: "needs an estimated", status: 1),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--data", "dense", "--m", "1e11", "--out", "out"], fragment: "needs an estimated", status: 1),
        // Files.
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "file/sub"], fragment: "--out", status: 2),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "file"], fragment: "--out", status: 2),
        Case(arguments: ["experiment", "frontier", "--out", "file/sub", "--store", "store.sqlite"], fragment: "--out", status: 2),
        Case(arguments: ["reproduce", "--out", "file/sub"], fragment: "--out", status: 2),
        Case(arguments: ["results", "--store", "missing.sqlite"], fragment: "--store", status: 2),
        Case(arguments: ["results", "--store", "garbage.sqlite"], fragment: "not an SQLite database", status: 1),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--store", "text.sqlite"], fragment: "--store", status: 1),
        Case(arguments: ["merge", "garbage.sqlite", "--into", "store.sqlite"], fragment: "garbage.sqlite", status: 1),
        Case(arguments: ["merge", "missing.sqlite", "--into", "store.sqlite"], fragment: "missing.sqlite", status: 2),
        Case(arguments: ["theory", "--alpha", "nan"], fragment: "--alpha", status: 2),
        // σ² overflowing printed NaN quantiles: the law takes the measured points' bound σ ≤ 1e100.
        Case(arguments: ["theory", "--n", "100", "--d", "1000", "--noise", "1e160"], fragment: "--noise", status: 2),
        // The simulated design's doubling search for D ≈ 512^β overflowed Int (a trap) at β ≈ 8 and ran for minutes at 5.
        Case(arguments: ["calibrate-coverage", "--beta", "8", "--tables", "1"], fragment: "--beta", status: 2),
        // gd-failure: its declared α < −1 was not enforced (α = −1 printed the slope inf), nor finite slopes, nor distinct D.
        Case(arguments: ["experiment", "gd-failure", "--alpha", "-1", "--d", "100,200", "--replicates", "5"], fragment: "--alpha", status: 2),
        Case(arguments: ["experiment", "gd-failure", "--beta", "1e308", "--d", "100,200", "--replicates", "5"], fragment: "--beta", status: 2),
        Case(arguments: ["experiment", "gd-failure", "--d", "100,100", "--replicates", "5"], fragment: "--d", status: 2),
        Case(arguments: ["frobnicate"], fragment: "frobnicate", status: 2),
    ]

    @Test("is refused with one line on stderr, nothing on stdout, no files", arguments: cases)
    func refused(_ c: Case) throws {
        try withTemporaryFolder { folder in
            try Data("not a folder".utf8).write(to: folder.appendingPathComponent("file"))
            try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: folder.appendingPathComponent("garbage.sqlite"))
            try Data("SQLite format 3 is what this file pretends to be".utf8).write(to: folder.appendingPathComponent("text.sqlite"))
            let before = try snapshot(folder)
            let output = try CLI.run(c.arguments, in: folder)
            #expect(output.status == c.status, "exit status; stderr: \(output.stderr)")
            #expect(!output.signaled)
            let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            #expect(lines.count == 1, "exactly one line on stderr: \(output.stderr)")
            #expect(lines.first?.hasPrefix("error: ") == true, "stderr: \(output.stderr)")
            #expect(output.stderr.contains(c.fragment), "message names \(c.fragment): \(output.stderr)")
            #expect(output.stdout.isEmpty, "stdout: \(output.stdout)")
            #expect(try snapshot(folder) == before, "files created or changed")
        }
    }

    /// Names and contents of the files in `folder`.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in contents(of: folder) {
            result[name] = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
        }
        return result
    }
}
