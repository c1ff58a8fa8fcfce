import Foundation
import Testing

/// A sample of the route matrix through the command line: σ reaches the sublinear and the streamed routes,
/// the recorded settings say which route ran, and `export` reports the loss `point` reports.
@Suite struct PointRouteCommandTests {
    static func json(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> [String: Any] {
        let output = try CLI.run(["point"] + arguments + ["--format", "json"], in: folder, environment: environment)
        try #require(output.status == 0, "point \(arguments): \(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    /// The sublinear sampler, a per-sample point streamed by the documented threshold, one held in memory.
    @Test(arguments: [
        (["--n", "64", "--d", "20000", "--sampler", "sublinear"], "reduced-streamed", false),
        (["--n", "64", "--d", "20000", "--beta", "1.5"], "reduced-streamed", true),
        (["--n", "64", "--d", "20000", "--beta", "1.5"], "reduced-in-memory", false),
    ])
    func labelNoiseChangesTheLossOnEveryRoute(arguments: [String], route: String, lowered: Bool) throws {
        let environment = lowered ? ["SPARSE_SCALING_STREAM_ABOVE_BYTES": "0"] : [:]
        try withTemporaryFolder { folder in
            let clean = try Self.json(arguments, in: folder, environment: environment)
            let noisy = try Self.json(arguments + ["--noise", "0.3"], in: folder, environment: environment)
            #expect(clean["route"] as? String == route)
            let loss = try #require(noisy["loss"] as? Double), cleanLoss = try #require(clean["loss"] as? Double)
            #expect(loss != cleanLoss, "σ must change the excess loss: \(arguments)")
            #expect(loss > cleanLoss, "σ adds a fitted-noise term to the excess loss here: \(arguments)")
            #expect(abs((noisy["test_loss"] as? Double ?? 0) - (loss + 0.09)) <= 1e-12 * (loss + 0.09))
            #expect(noisy["noise"] as? Double == 0.3)
            #expect(noisy["route"] as? String == clean["route"] as? String)
        }
    }

    @Test func exportReportsTheLossThatPointReports() throws {
        try withTemporaryFolder { folder in
            let flags = ["--n", "64", "--d", "1000", "--noise", "0.1", "--seed", "5"]
            let point = try Self.json(flags, in: folder)
            let export = try CLI.run(["export"] + flags + ["--out", folder.appendingPathComponent("x").path], in: folder)
            try #require(export.status == 0, "\(export.stderr)")
            let summary = try #require(try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("x/summary.json"))) as? [String: Any])
            let a = try #require(point["loss"] as? Double), b = try #require(summary["loss"] as? Double)
            // The same plan and streams in one process build: equal to rounding of the same operations.
            #expect(abs(a - b) <= 1e-12 * a, "point \(a) vs export \(b)")
        }
    }
}
