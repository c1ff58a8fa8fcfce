import Foundation
import Testing

/// Damaged results stores are refused with one line and exit status 1, and are never modified.
@Suite("Damaged stores")
struct StoreFaultTests {
    /// How a good store is damaged.
    enum Damage: String, CaseIterable, Sendable {
        case garbage, truncated, zeroedPages, wrongHeader
    }

    @Test("a damaged store is refused and left untouched", arguments: Damage.allCases)
    func damaged(_ damage: Damage) throws {
        try withTemporaryFolder { folder in
            let made = try CLI.run(["sweep", "--n", "4,8", "--d", "64", "--seeds", "40", "--store", "good.sqlite"], in: folder)
            #expect(made.status == 0, "\(made.stderr)")
            let good = try Data(contentsOf: folder.appendingPathComponent("good.sqlite"))
            #expect(good.count > 8192)
            let bad: Data
            switch damage {
            case .garbage: bad = Data((0..<good.count).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) })
            case .truncated: bad = good.prefix(good.count / 2 + 100)
            case .zeroedPages: bad = good.prefix(4096) + Data(count: good.count - 4096)
            case .wrongHeader: bad = Data("SQLite format 2\0".utf8) + good.dropFirst(16)
            }
            let url = folder.appendingPathComponent("bad.sqlite")
            try bad.write(to: url)
            let commands: [[String]] = [
                ["results", "--store", "bad.sqlite"],
                ["sweep", "--n", "4,8", "--d", "64", "--seeds", "4", "--store", "bad.sqlite"],
                ["merge", "bad.sqlite", "--into", "merged.sqlite"],
                ["merge", "good.sqlite", "--into", "bad.sqlite"],
            ]
            for command in commands {
                let output = try CLI.run(command, in: folder)
                #expect(output.status == 1, "\(command): \(output.stderr)")
                #expect(output.stderr.hasPrefix("error: ") && output.stderr.filter { $0 == "\n" }.count == 1, "\(output.stderr)")
                #expect(output.stderr.contains("bad.sqlite"))
                #expect(output.stdout.isEmpty)
                #expect(try Data(contentsOf: url) == bad, "\(command) modified the damaged store")
                #expect(!contents(of: folder).contains { $0.hasPrefix("merged.sqlite") || $0.hasPrefix("bad.sqlite-") },
                        "\(command) left files behind: \(contents(of: folder))")
            }
        }
    }

    @Test("an unwritable --out is refused with exit 2 before any work")
    func unwritableOut() throws {
        try withTemporaryFolder { folder in
            try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
            for command in [
                ["export", "--n", "8", "--d", "16", "--out", "file/out"],
                ["experiment", "model-rich-loss", "--out", "file/out", "--store", "s.sqlite"],
                ["reproduce", "--out", "file/out"],
                ["export", "--n", "8", "--d", "16", "--out", "/proc/sparse-scaling-test"],
            ] {
                let start = Date()
                let output = try CLI.run(command, in: folder)
                #expect(output.status == 2, "\(command): \(output.stderr)")
                #expect(output.stderr.hasPrefix("error: ") && output.stderr.contains("--out"))
                #expect(Date().timeIntervalSince(start) < 5, "refused before any work")
                #expect(contents(of: folder) == ["file"], "nothing written: \(contents(of: folder))")
            }
        }
    }
}
