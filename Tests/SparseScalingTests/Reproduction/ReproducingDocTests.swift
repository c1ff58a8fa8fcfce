import Foundation
import Testing

/// docs/reproducing.md is not a place for hand-written numbers (issue 25 item 7): measured values come
/// from a run's verdicts.md, report.html and summary.json. No "±", no decimal number outside code.
@Suite struct ReproducingDocTests {
    static let path: URL = {
        // The package root: the first folder above this file that holds Package.swift.
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path), root.path != "/" {
            root.deleteLastPathComponent()
        }
        return root.appendingPathComponent("docs/reproducing.md")
    }()

    /// The text outside indented code blocks and `code` spans.
    static func prose(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("    ") }
            .map { line in line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined() }
            .joined(separator: "\n")
    }

    @Test func quotesNoMeasuredValue() throws {
        let text = try String(contentsOf: Self.path, encoding: .utf8)
        let prose = Self.prose(text)
        #expect(!prose.contains("±"))
        let decimal = try Regex("[0-9]+\\.[0-9]+")
        #expect(prose.firstMatch(of: decimal) == nil, "a decimal number in docs/reproducing.md")
        #expect(text.contains("verdicts.md") && text.contains("summary.json"))
    }

    @Test func theCheckCanFail() {
        #expect(Self.prose("α_N = 1.946 ± 0.022").contains("±"))
        #expect(Self.prose("run `--alpha 0.5`\n    x 1.5").firstMatch(of: /[0-9]+\.[0-9]+/) == nil)
        #expect(Self.prose("peak 1.76").firstMatch(of: /[0-9]+\.[0-9]+/) != nil)
    }
}
