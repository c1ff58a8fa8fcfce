import Foundation
import Testing

/// Input that can only fail late is refused before any work: wrapping seeds, loop lengths without a
/// bound, unwritable output files, non-empty export folders, ReLU exports, and plans over --max-memory.
/// Each refusal is quick, exits 1 or 2 with one `error:` line naming the flag, and writes nothing.
@Suite("Refused before any work")
struct RefusalBeforeWorkTests {
    typealias Case = RefusalCase

    static let cases: [Case] = [
        // Seeds that would wrap around past 2^64 − 1.
        Case(arguments: ["sweep", "--n", "4", "--d", "16", "--first-seed", "18446744073709551615", "--seeds", "2", "--store", "s.sqlite"], fragment: "--first-seed", status: 2),
        Case(arguments: ["sweep", "--n", "4", "--d", "16", "--first-seed", "18446744073709551000", "--seeds", "1000", "--store", "s.sqlite"], fragment: "--first-seed", status: 2),
        // Loop lengths from input have a bound.
        Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--replicates", "9223372036854775807"], fragment: "--replicates", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--solver", "gd", "--max-iterations", "9223372036854775807"], fragment: "--max-iterations", status: 2),
        Case(arguments: ["sweep", "--n", "8", "--d", "16", "--solver", "sgd", "--max-iterations", "10000001", "--store", "s.sqlite"], fragment: "--max-iterations", status: 2),
        Case(arguments: ["point", "--n", "8", "--d", "16", "--features", "relu", "--solver", "direct", "--test-samples", "9223372036854775807"], fragment: "--test-samples", status: 2),
        // gd-failure has a memory estimate: D = 1e15 cannot fit.
        Case(arguments: ["experiment", "gd-failure", "--d", "1e15", "--replicates", "1"], fragment: "--max-memory", status: 1),
        Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--replicates", "10", "--max-memory", "1M"], fragment: "--max-memory", status: 1),
        // Output files are checked first.
        Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--replicates", "10", "--out", "/proc/x.csv"], fragment: "--out", status: 2),
        Case(arguments: ["experiment", "gd-failure", "--d", "1000", "--replicates", "10", "--out", "full/v.npy/sub"], fragment: "--out", status: 2),
        // A file its folder's permission bits allow but the file system refuses: checked by creating the
        // temporary file the atomic write uses (once found only after the sweep had filled the store).
        Case(arguments: ["sweep", "--n", "4", "--d", "16", "--store", "s.sqlite", "--out", "/proc/x"], fragment: "--out", status: 2),
        Case(arguments: ["sweep", "--n", "4", "--d", "16", "--store", "s.sqlite", "--plot", "/proc/x.svg"], fragment: "--plot", status: 2),
        Case(arguments: ["sweep", "--n", "4", "--d", "16", "--store", "s.sqlite", "--out", String(repeating: "r", count: 250)], fragment: "--out", status: 2),
        // Work over 24 CPU hours: refused naming the flags that set it, and before the store is created.
        Case(arguments: ["point", "--n", "8", "--d", "1e15", "--solver", "online"], fragment: "--d", status: 1),
        Case(arguments: ["sweep", "--n", "8", "--d", "1e15", "--solver", "online", "--store", "s.sqlite"], fragment: "--d", status: 1),
        // export writes the linear model only; a folder holding files needs --force.
        Case(arguments: ["export", "--n", "8", "--d", "16", "--features", "relu", "--solver", "direct", "--out", "new"], fragment: "--features", status: 2),
        Case(arguments: ["export", "--n", "8", "--d", "16", "--out", "full"], fragment: "--force", status: 2),
        Case(arguments: ["export", "--n", "8", "--d", "1000000", "--out", "new", "--max-export-mb", "100"], fragment: "--max-export-mb", status: 1),
        // Whole plans over --max-memory are refused before any work, store or output folder.
        Case(arguments: ["experiment", "collapse", "--beta", "1", "--out", "new", "--store", "new.sqlite", "--max-memory", "8G"], fragment: "--max-memory", status: 1),
        Case(arguments: ["experiment", "linear-sweeps", "--out", "new", "--store", "new.sqlite", "--max-memory", "1"], fragment: "--max-memory", status: 1),
        Case(arguments: ["experiment", "relu-sweeps", "--out", "new", "--store", "new.sqlite", "--max-memory", "1"], fragment: "--max-memory", status: 1),
        Case(arguments: ["reproduce", "--out", "new", "--max-memory", "1"], fragment: "--max-memory", status: 1),
        // experiment curve created its default store before the memory check (now the whole plan, as for the others).
        Case(arguments: ["experiment", "curve", "--settings", "0:2:64", "--seeds", "2", "--out", "new", "--max-memory", "1"], fragment: "--max-memory", status: 1),
        Case(arguments: ["experiment", "curve", "--settings", "-1.5:2:64", "--seeds", "2", "--out", "new"], fragment: "--settings", status: 2),
        Case(arguments: ["export", "--n", "64", "--d", "300000", "--out", "new", "--max-export-mb", "100000", "--max-memory", "400M"], fragment: "--max-memory", status: 1),
    ]

    @Test("is refused at once, naming the flag, writing nothing", arguments: cases)
    func refused(_ c: Case) throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("full"), withIntermediateDirectories: true)
            try Data("earlier export".utf8).write(to: folder.appendingPathComponent("full/v.npy"))
            let before = contents(of: folder)
            let start = Date()
            let output = try CLI.run(c.arguments, in: folder)
            let seconds = Date().timeIntervalSince(start)
            #expect(output.status == c.status, "\(output.stderr)")
            let lines = output.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("error:"), "\(output.stderr)")
            #expect(output.stderr.contains(c.fragment), "\(output.stderr)")
            #expect(output.stdout.isEmpty)
            #expect(contents(of: folder) == before)
            #expect(try String(contentsOf: folder.appendingPathComponent("full/v.npy"), encoding: .utf8) == "earlier export")
            #expect(seconds < 10, "took \(seconds) s")
        }
    }

    @Test("the last seed 2^64 − 1 itself is accepted")
    func lastSeed() throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["sweep", "--n", "4", "--d", "16", "--first-seed", "18446744073709551614", "--seeds", "2", "--store", "s.sqlite"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let rows = try CLI.storedRows("s.sqlite", in: folder)
            #expect(rows.count == 2)
            #expect(rows.contains { $0.contains(",18446744073709551615,") })
            #expect(!rows.contains { $0.contains(",0,0,") })
        }
    }

    @Test("export --force overwrites an earlier export; without it the earlier one is kept")
    func exportForce() throws {
        try withTemporaryFolder { folder in
            let first = try CLI.run(["export", "--n", "8", "--d", "64", "--seed", "1", "--out", "x"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            let earlier = try Data(contentsOf: folder.appendingPathComponent("x/v.npy"))
            let refused = try CLI.run(["export", "--n", "8", "--d", "64", "--seed", "2", "--out", "x"], in: folder)
            #expect(refused.status == 2)
            #expect(try Data(contentsOf: folder.appendingPathComponent("x/v.npy")) == earlier)
            let forced = try CLI.run(["export", "--n", "8", "--d", "64", "--seed", "2", "--out", "x", "--force"], in: folder)
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(try Data(contentsOf: folder.appendingPathComponent("x/v.npy")) != earlier)
        }
    }
}
