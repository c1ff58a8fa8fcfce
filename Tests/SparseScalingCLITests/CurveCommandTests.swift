import Foundation
import Testing

/// `theory --n LIST --d LIST` (the predicted loss curve) and `--estimator conditional` through the command line.
@Suite("Loss-curve prediction and the conditional estimator on the command line")
struct CurveCommandTests {
    /// The rows of `theory … --format json` as dictionaries.
    static func jsonRows(_ text: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try #require(object as? [[String: Any]])
    }

    @Test("one row per (N, D): mean where finite, null in the peak band, quantiles or null, in every format")
    func curveRows() throws {
        try withTemporaryFolder { folder in
            let arguments = ["theory", "--alpha", "0", "--beta", "2", "--n", "8...8192x2", "--d", "1e3,16384"]
            let json = try CLI.run(arguments + ["--format", "json"], in: folder)
            #expect(json.status == 0, "\(json.stderr)")
            let rows = try Self.jsonRows(json.stdout)
            #expect(rows.count == 22)
            // Infinite means are null (not predicted as a number); the only "inf" is M = ∞, as in the CSV.
            #expect(!json.stdout.replacingOccurrences(of: "\"m\" : \"inf\"", with: "").contains("inf") && !json.stdout.contains("nan"))
            for d in [1000, 16384] {
                let curve = rows.filter { ($0["d"] as? Int) == d }
                #expect(curve.map { $0["n"] as? Int } == (0..<11).map { 8 << $0 })
                let regions = curve.map { $0["region"] as! String }
                // under … peak band … over, in that order, with each present.
                let order = regions.map { ["under": 0, "peak band": 1, "over": 2][$0]! }
                #expect(order == order.sorted() && Set(order) == [0, 1, 2], "D = \(d): \(regions)")
                for row in curve {
                    let region = row["region"] as! String
                    #expect((row["mean"] is NSNull) == (region == "peak band"), "\(row)")
                    #expect((row["mean_finite"] as? Bool) == (region != "peak band"))
                    #expect((row["alpha"] as? Double) == 0 && (row["beta"] as? Double) == 2 && row["m"] as? String == "inf", "\(row)")
                    #expect((row["median"] is NSNull) == (region == "under"), "\(row)")
                    if let q10 = row["q10"] as? Double, let median = row["median"] as? Double, let q90 = row["q90"] as? Double {
                        #expect(q10 <= median && median <= q90)
                    }
                }
            }
            let text = try CLI.run(arguments, in: folder)
            #expect(text.status == 0)
            #expect(text.stdout.contains("∞") && text.stdout.contains("—") && text.stdout.contains("peak band"))
            #expect(text.stdout.split(separator: "\n").count == 23)
            let csv = try CLI.run(arguments + ["--format", "csv"], in: folder)
            let lines = csv.stdout.split(separator: "\n")
            #expect(csv.status == 0 && lines.count == 23)
            #expect(lines.first == "alpha,beta,m,n,d,region,mean,mean_finite,median,q10,q90,method")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("0.0,2.0,inf,") || $0.hasPrefix("0,2,inf,") }, "\(lines[1])")
        }
    }

    @Test("a single N and D keeps the closed-form report, with the predicted loss there; a list of one D gives the curve")
    func singleSizesKeepTheReport() throws {
        try withTemporaryFolder { folder in
            let report = try CLI.run(["theory", "--n", "4096", "--d", "1e6"], in: folder)
            #expect(report.status == 0 && report.stdout.contains("compute-optimal N*") && report.stdout.contains("predicted loss at this (N, D)"))
            let curve = try CLI.run(["theory", "--n", "4096,8192", "--d", "1e6"], in: folder)
            #expect(curve.status == 0 && curve.stdout.split(separator: "\n").count == 3)
        }
    }

    @Test("curve refusals name the flag", arguments: [
        (["theory", "--n", "8,16"], "--d"),
        (["theory", "--n", "8,abc", "--d", "100"], "--n"),
        (["theory", "--n", "8", "--d", "100...10"], "--d"),
        (["theory", "--alpha", "-1.5", "--beta", "3", "--n", "8,16", "--d", "100"], "--alpha"),
        (["point", "--n", "8", "--d", "16", "--estimator", "conditional", "--solver", "direct"], "--estimator"),
        (["point", "--n", "8", "--d", "16", "--estimator", "conditional", "--data", "dense", "--m", "64"], "--estimator"),
        (["point", "--n", "8", "--d", "16", "--estimator", "magic"], "--estimator"),
        (["export", "--n", "8", "--d", "16", "--estimator", "conditional", "--out", "x"], "--estimator"),
    ])
    func refusals(arguments: [String], flag: String) throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(arguments, in: folder)
            #expect(output.status == 2, "\(arguments): \(output.stderr)")
            #expect(output.stderr.hasPrefix("error:") && output.stderr.contains(flag), "\(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
    }

    @Test("point --estimator conditional reports the estimator used, and falls back below r + 2")
    func pointEstimator() throws {
        try withTemporaryFolder { folder in
            let over = try CLI.run(["point", "--n", "2048", "--d", "512", "--estimator", "conditional", "--format", "json"], in: folder)
            #expect(over.status == 0, "\(over.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(over.stdout.utf8)) as? [String: Any])
            #expect(object["estimator"] as? String == "conditional" && object["estimator_used"] as? String == "conditional")
            let under = try CLI.run(["point", "--n", "8", "--d", "512", "--estimator", "conditional"], in: folder)
            #expect(under.status == 0 && under.stdout.contains("estimator used") && under.stdout.contains("N < r + 2"))
            let plain = try CLI.run(["point", "--n", "8", "--d", "512", "--format", "json"], in: folder)
            let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
            #expect(plainObject["estimator"] as? String == "sample" && plainObject["estimator_used"] == nil)
        }
    }

    @Test("sweep --estimator conditional stores its rows under their own key, beside the default ones")
    func sweepEstimator() throws {
        try withTemporaryFolder { folder in
            let base = ["sweep", "--d", "256", "--n", "8,1024", "--seeds", "2", "--store", "s.sqlite"]
            #expect(try CLI.run(base, in: folder).status == 0)
            let conditional = try CLI.run(base + ["--estimator", "conditional"], in: folder)
            #expect(conditional.status == 0, "\(conditional.stderr)")
            let rows = try CLI.storedRows("s.sqlite", in: folder)
            #expect(rows.count == 8)
            #expect(rows.filter { $0.contains("estimator_conditional") }.count == 4)
            let csv = try CLI.run(["results", "--store", "s.sqlite", "--format", "csv"], in: folder).stdout
            #expect(csv.split(separator: "\n").first?.contains("conditional_estimate") == true)
        }
    }
}
