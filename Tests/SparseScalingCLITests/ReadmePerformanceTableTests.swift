import Foundation
import Testing

/// The README's performance table is the rendering of the saved bench run `docs/bench/latest.json`
/// (`sparse-scaling bench --render`), so no number in it is copied by hand; `--render` refuses bad input.
@Suite struct ReadmePerformanceTableTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theReadmeTableIsTheSavedRunsRendering() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- bench:begin -->\n"))
        let end = try #require(readme.range(of: "\n<!-- bench:end -->", range: begin.upperBound..<readme.endIndex))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        let rendered = try CLI.run(["bench", "--render", "docs/bench/latest.json"], in: Self.repository)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(table == rendered.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                "README.md's table differs from `bench --render docs/bench/latest.json`: run scripts/update-readme-performance.sh --from docs/bench/latest.json")
        #expect(table.contains("| target | verdict | measured |"))
    }

    @Test func renderRefusesWhatIsNotABenchRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"rows\": 3}".utf8).write(to: folder.appendingPathComponent("other.json"))
        for (arguments, status) in [(["bench", "--render", "missing.json"], Int32(1)), (["bench", "--render", "other.json"], 1),
                                    (["bench", "--render", "other.json", "--quick"], 2), (["bench", "--render", "other.json", "--format", "json"], 2)] {
            let out = try CLI.run(arguments, in: folder)
            #expect(out.status == status, "\(arguments)")
            #expect(out.stdout.isEmpty && out.stderr.hasPrefix("error: ") && out.stderr.contains("--render"), "\(arguments): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").count == 1, "\(arguments): \(out.stderr)")
        }
    }
}
