import Foundation
import Testing

/// `--sampler`: refused with one line naming it where it cannot apply; recorded in the JSON summary;
/// the memory guard's refusal of a per-sample point suggests it.
@Suite("Sampler option")
struct SamplerOptionTests {
    static let refusals: [[String]] = [
        ["point", "--n", "8", "--d", "16", "--sampler", "sublinear", "--solver", "direct"],
        ["point", "--n", "8", "--d", "16", "--sampler", "sublinear", "--features", "relu"],
        ["point", "--n", "8", "--d", "16", "--sampler", "sublinear", "--data", "dense"],
        ["point", "--n", "8", "--d", "16", "--sampler", "sublinear", "--solver", "gd"],
        ["point", "--n", "8", "--d", "16", "--sampler", "fast"],
        ["sweep", "--n", "8", "--d", "16", "--sampler", "sublinear", "--solver", "direct", "--store", "store.sqlite"],
        ["export", "--n", "8", "--d", "16", "--sampler", "sublinear", "--out", "out"],
    ]

    @Test(arguments: refusals)
    func refused(_ arguments: [String]) throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(arguments, in: folder)
            #expect(output.status == 2, "stderr: \(output.stderr)")
            let lines = output.stderr.split(separator: "\n").filter { !$0.isEmpty }
            #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && lines[0].contains("--sampler"), "\(output.stderr)")
            #expect(output.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("store.sqlite").path))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
    }

    /// The `sampler` field of a point's JSON.
    static func sampler(inJSON text: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return object?["sampler"] as? String
    }

    @Test func jsonSaysWhichSampler() throws {
        try withTemporaryFolder { folder in
            let sublinear = try CLI.run(["point", "--n", "8", "--d", "5000", "--sampler", "sublinear", "--format", "json"], in: folder)
            #expect(sublinear.status == 0, "\(sublinear.stderr)")
            #expect(try Self.sampler(inJSON: sublinear.stdout) == "sublinear")
            let perSample = try CLI.run(["point", "--n", "8", "--d", "5000", "--format", "json"], in: folder)
            #expect(try Self.sampler(inJSON: perSample.stdout) == "per-sample")
        }
    }

    @Test func memoryRefusalSuggestsSublinear() throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["point", "--n", "2048", "--d", "1e8", "--max-memory", "8G"], in: folder)
            #expect(output.status == 1)
            #expect(output.stderr.contains("needs an estimated") && output.stderr.contains("--sampler sublinear"), "\(output.stderr)")
        }
    }
}
