import Foundation
import GRDB
import TestSupport
import Testing

/// Commands that read a store never write to it or beside it; a refused store, source or destination is left
/// byte for byte as it was, with no side files; merge conflicts are refused unless --prefer picks a side.
@Suite("Stores that must not change")
struct StoreUnchangedTests {
    /// Builds `good.sqlite` (a real store, closed and without side files) in `folder`.
    static func makeGoodStore(in folder: URL) throws {
        let made = try CLI.run(["sweep", "--n", "4,8", "--d", "64", "--seeds", "3", "--store", "good.sqlite"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(contents(of: folder) == ["good.sqlite"])
    }

    /// Copies `good.sqlite` to `name`, then runs `sql` on the copy and closes it (no side files left).
    static func alteredCopy(_ name: String, in folder: URL, sql: String) throws {
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: folder.appendingPathComponent("good.sqlite").path, toPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// Files that are not usable results stores.
    enum Bad: String, CaseIterable, Sendable {
        case foreign, empty, noTables, future
    }

    /// Writes a bad file named `<kind>.sqlite` in `folder` (which already holds good.sqlite).
    static func make(_ kind: Bad, in folder: URL) throws {
        let path = folder.appendingPathComponent("\(kind.rawValue).sqlite").path
        switch kind {
        case .foreign:
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)") }
            try queue.close()
        case .empty:
            FileManager.default.createFile(atPath: path, contents: Data())
        case .noTables:
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 3") }
            try queue.close()
        case .future:
            try alteredCopy("future.sqlite", in: folder, sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
    }

    /// Runs `arguments` expecting a refusal: `status`, one `error:` line containing `fragment`, nothing on stdout,
    /// and `watched` (and the folder listing) exactly as before.
    static func expectRefused(
        _ arguments: [String], in folder: URL, status: Int32 = 1, fragment: String, watched: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let path = folder.appendingPathComponent(watched).path
        let before = FileState(path)
        let listing = contents(of: folder)
        let output = try CLI.run(arguments, in: folder)
        #expect(output.status == status, "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1 && output.stderr.hasPrefix("error: "), "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.contains(fragment), "\(arguments) names \(fragment): \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
        let after = FileState(path)
        #expect(after == before, "\(arguments) changed \(watched): \(after) vs \(before)", sourceLocation: sourceLocation)
        #expect(contents(of: folder) == listing, "\(arguments) left files: \(contents(of: folder))", sourceLocation: sourceLocation)
    }

    @Test("a bad file is refused by every command, byte-identical afterwards, no side files", arguments: Bad.allCases)
    func badFileUnchanged(_ kind: Bad) throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            try Self.make(kind, in: folder)
            let name = "\(kind.rawValue).sqlite"
            try Self.expectRefused(["results", "--store", name], in: folder, fragment: "--store", watched: name)
            try Self.expectRefused(["merge", name, "--into", "new.sqlite"], in: folder, fragment: "<sources>", watched: name)
            try Self.expectRefused(["merge", "good.sqlite", name, "--into", "new.sqlite"], in: folder, fragment: name, watched: "good.sqlite")
            switch kind {
            case .empty, .noTables:
                // Holds no store yet: a command that writes may make it one.
                break
            case .foreign, .future:
                try Self.expectRefused(["merge", "good.sqlite", "--into", name], in: folder, fragment: "--into", watched: name)
                try Self.expectRefused(
                    ["sweep", "--n", "4", "--d", "64", "--seeds", "1", "--store", name], in: folder, fragment: "--store", watched: name)
            }
        }
    }

    @Test("an empty path is a usage error naming its flag")
    func emptyPaths() throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            try Self.expectRefused(["merge", "good.sqlite", "--into", ""], in: folder, status: 2, fragment: "--into", watched: "good.sqlite")
            try Self.expectRefused(["merge", "good.sqlite", "--into", "."], in: folder, status: 2, fragment: "--into", watched: "good.sqlite")
            try Self.expectRefused(["merge", "good.sqlite", "--into", "good.sqlite"], in: folder, status: 2, fragment: "--into", watched: "good.sqlite")
            try Self.expectRefused(["merge", ".", "--into", "x.sqlite"], in: folder, status: 2, fragment: "<sources>", watched: "good.sqlite")
            try Self.expectRefused(["results", "--store", ""], in: folder, status: 2, fragment: "--store", watched: "good.sqlite")
            try Self.expectRefused(
                ["sweep", "--n", "4", "--d", "64", "--seeds", "1", "--store", ""], in: folder, status: 2, fragment: "--store",
                watched: "good.sqlite")
            try Self.expectRefused(
                ["merge", "good.sqlite", "--into", "x.sqlite", "--prefer", "both"], in: folder, status: 2, fragment: "--prefer",
                watched: "good.sqlite")
        }
    }

    @Test("results and merge read a store without touching it: same bytes, same mtime, no side files")
    func readersWriteNothing() throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            let path = folder.appendingPathComponent("good.sqlite").path
            let before = FileState(path)
            let rows = try CLI.storedRows("good.sqlite", in: folder)
            #expect(rows.count == 6)
            let merged = try CLI.run(["merge", "good.sqlite", "--into", "copy.sqlite"], in: folder)
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(FileState(path).hash == before.hash && FileState(path).modified == before.modified)
            #expect(contents(of: folder) == ["copy.sqlite", "good.sqlite"])
            #expect(try CLI.storedRows("copy.sqlite", in: folder) == rows)
        }
    }

    @Test("a store in an immutable folder (chattr +i) is read by results and merge, and refused by writers")
    func immutableStore() throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            let rows = try CLI.storedRows("good.sqlite", in: folder)
            let locked = folder.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: folder.appendingPathComponent("good.sqlite"), to: locked.appendingPathComponent("good.sqlite"))
            let path = locked.appendingPathComponent("good.sqlite").path
            _ = try withImmutable([path, locked.path]) {
                let before = FileState(path)
                #expect(try CLI.storedRows("locked/good.sqlite", in: folder) == rows)
                let merged = try CLI.run(["merge", "locked/good.sqlite", "--into", "out.sqlite"], in: folder)
                #expect(merged.status == 0, "\(merged.stderr)")
                #expect(try CLI.storedRows("out.sqlite", in: folder) == rows)
                try Self.expectRefused(
                    ["sweep", "--n", "4", "--d", "64", "--seeds", "1", "--store", "locked/good.sqlite"], in: folder,
                    fragment: "--store", watched: "locked/good.sqlite")
                try Self.expectRefused(["merge", "out.sqlite", "--into", "locked/good.sqlite"], in: folder, fragment: "--into", watched: "locked/good.sqlite")
                #expect(FileState(path) == before, "\(FileState(path)) vs \(before)")
            }
        }
    }

    @Test("a store on a read-only file system is read by results and merge, and refused by writers")
    func readOnlyFileSystem() throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            let rows = try CLI.storedRows("good.sqlite", in: folder)
            let mounted = folder.appendingPathComponent("mounted")
            try FileManager.default.createDirectory(at: mounted, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: folder.appendingPathComponent("good.sqlite"), to: mounted.appendingPathComponent("good.sqlite"))
            _ = try withReadOnlyMount(mounted.path) {
                #expect(try CLI.storedRows("mounted/good.sqlite", in: folder) == rows)
                let merged = try CLI.run(["merge", "mounted/good.sqlite", "--into", "out.sqlite"], in: folder)
                #expect(merged.status == 0, "\(merged.stderr)")
                try Self.expectRefused(
                    ["sweep", "--n", "4", "--d", "64", "--seeds", "1", "--store", "mounted/good.sqlite"], in: folder,
                    fragment: "--store", watched: "mounted/good.sqlite")
                #expect(contents(of: mounted) == ["good.sqlite"])
            }
        }
    }

    @Test("conflicting rows are refused naming both files and the key; --into is unchanged")
    func conflictRefused() throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            try Self.alteredCopy("other.sqlite", in: folder, sql: "UPDATE points SET loss = loss * 2 WHERE id = 2")
            try Self.expectRefused(["merge", "good.sqlite", "other.sqlite", "--into", "new.sqlite"], in: folder, fragment: "--prefer", watched: "good.sqlite")
            let merged = try CLI.run(["merge", "good.sqlite", "--into", "into.sqlite"], in: folder)
            #expect(merged.status == 0)
            let before = FileState(folder.appendingPathComponent("into.sqlite").path)
            let output = try CLI.run(["merge", "other.sqlite", "--into", "into.sqlite"], in: folder)
            #expect(output.status == 1)
            #expect(output.stderr.contains("into.sqlite") && output.stderr.contains("other.sqlite"), "\(output.stderr)")
            #expect(output.stderr.contains("alpha=") && output.stderr.contains("seed ") && output.stderr.contains("loss "), "\(output.stderr)")
            #expect(output.stderr.split(separator: "\n").count == 1)
            #expect(FileState(folder.appendingPathComponent("into.sqlite").path) == before)
        }
    }

    @Test("--prefer first keeps the row met first, --prefer last the one met last")
    func preferBothWays() throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            try Self.alteredCopy("other.sqlite", in: folder, sql: "UPDATE points SET loss = loss * 2 WHERE id = 2")
            let good = try CLI.storedRows("good.sqlite", in: folder)
            let other = try CLI.storedRows("other.sqlite", in: folder)
            #expect(good != other)
            for (sources, prefer, expected) in [
                (["good.sqlite", "other.sqlite"], "first", good), (["good.sqlite", "other.sqlite"], "last", other),
                (["other.sqlite", "good.sqlite"], "first", other), (["other.sqlite", "good.sqlite"], "last", good),
            ] {
                let into = "\(sources[0])-\(prefer).sqlite"
                let output = try CLI.run(["merge"] + sources + ["--into", into, "--prefer", prefer], in: folder)
                #expect(output.status == 0, "\(output.stderr)")
                #expect(output.stdout.contains("1 conflict resolved by --prefer \(prefer)"), "\(output.stdout)")
                #expect(try CLI.storedRows(into, in: folder) == expected, "\(sources) --prefer \(prefer)")
            }
            // Against the destination: first keeps its row, last replaces it.
            for (prefer, expected) in [("first", good), ("last", other)] {
                let into = "into-\(prefer).sqlite"
                #expect(try CLI.run(["merge", "good.sqlite", "--into", into], in: folder).status == 0)
                let output = try CLI.run(["merge", "other.sqlite", "--into", into, "--prefer", prefer], in: folder)
                #expect(output.status == 0, "\(output.stderr)")
                #expect(try CLI.storedRows(into, in: folder) == expected, "--prefer \(prefer) against --into")
            }
        }
    }

    @Test("rows with equal results but another time, duration and version are merged once, without error")
    func equalRowsSkipped() throws {
        try withTemporaryFolder { folder in
            try Self.makeGoodStore(in: folder)
            try Self.alteredCopy(
                "rerun.sqlite", in: folder,
                sql: "UPDATE points SET seconds = seconds + 1, tool_version = '9.9.9', created_at = '2030-01-01 00:00:00.000'")
            let output = try CLI.run(["merge", "good.sqlite", "rerun.sqlite", "--into", "merged.sqlite"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("6 rows added, 6 already present, 6 in total"), "\(output.stdout)")
            let full = try CLI.run(["results", "--store", "merged.sqlite"], in: folder).stdout
            let original = try CLI.run(["results", "--store", "good.sqlite"], in: folder).stdout
            #expect(full == original, "the first store's rows are kept, provenance included")
        }
    }
}
