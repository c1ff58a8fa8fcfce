import Foundation
import Testing

/// `experiment curve` through the command line: its verdict rows in its JSON file, `--format json` and
/// text; store notes that count only the pairs stored before the run; and a predicted peak band that falls
/// between two grid points, shaded in the figure with the predicted mean broken across it.
@Suite("experiment curve: verdict rows, store counts and the peak band between grid points", .serialized)
struct LossCurveExperimentCommandTests {
    /// α = 0, β = 1.5, D = 600: the predicted band (N ≈ 156…224) lies between the grid points 128 and 256.
    /// Three seeds, six below the peak, so the second phase re-reads the first phase's pairs (about 2 s).
    static let arguments = ["experiment", "curve", "--settings", "0:1.5:600", "--seeds", "3", "--under-seeds", "6",
                            "--out", "out", "--store", "s.sqlite"]

    /// P(χ²_k > x) for an integer k ≥ 1, in closed form: e^(−x/2)·Σ_{j<k/2} (x/2)^j/j! for even k, and
    /// erfc(√(x/2)) + e^(−x/2)·Σ_{j=0}^{(k−3)/2} (x/2)^(j+½)/Γ(j + 3/2) for odd k.
    static func chiSquareSurvival(_ x: Double, degrees k: Int) -> Double {
        let h = x / 2
        let even = k % 2 == 0
        var total: Double = even ? 0 : erfc(h.squareRoot())
        for j in 0..<(even ? k / 2 : (k - 1) / 2) {
            let power: Double = even ? Double(j) : Double(j) + 0.5
            total += exp(-h + power * log(h) - lgamma(power + 1))
        }
        return total
    }

    /// (stored before, total) of every "k of n (point, seed) pairs already stored" note in `stderr`.
    static func storeNotes(_ stderr: String) -> [(before: Int, total: Int)] {
        let pattern = try! NSRegularExpression(pattern: "(\\d+) of (\\d+) \\(point, seed\\) pairs already stored")
        let text = stderr.replacingOccurrences(of: "\r", with: "\n")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (Int(text[Range(m.range(at: 1), in: text)!])!, Int(text[Range(m.range(at: 2), in: text)!])!)
        }
    }

    @Test("the verdict rows are in loss-curve.json, in --format json and in the text, and agree with the CSV's z")
    func verdictRowsAndStoreNotes() throws {
        try withTemporaryFolder { folder in
            let first = try CLI.run(Self.arguments, in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            // A brand-new store: no note may count a pair as stored before this run; the second phase says it
            // re-reads pairs its first phase measured.
            let firstNotes = Self.storeNotes(first.stderr)
            #expect(!firstNotes.isEmpty && firstNotes.allSatisfy { $0.before == 0 }, "\(first.stderr)")
            #expect(first.stderr.contains("measured earlier in this run"), "\(first.stderr)")

            let file = try String(contentsOf: folder.appendingPathComponent("out/loss-curve.json"), encoding: .utf8)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(file.utf8)) as? [String: Any])
            let verdicts = try #require(object["verdicts"] as? [[String: Any]])
            #expect(verdicts.count >= 2)
            for row in verdicts {
                for key in ["id", "group", "quantity", "claim", "predicted", "measured", "ci95", "ci_method", "precision", "verdict"] {
                    #expect(row[key] != nil, "\(key) missing in \(row)")
                }
                let id = try #require(row["id"] as? String)
                let verdict = try #require(row["verdict"] as? String)
                #expect(id.hasPrefix("ours.loss_curve.a0.b1.5.d600.") && row["group"] as? String == "ours")
                // The text prints every row with its verdict and id.
                #expect(first.stdout.contains("\(verdict.padding(toLength: 13, withPad: " ", startingAt: 0)) [\(id)]"), "\(id)")
            }
            let agree = verdicts.filter { $0["verdict"] as? String == "agree" }.count
            #expect(first.stdout.contains("verdicts: \(agree) of \(verdicts.count) rows agree"), "\(first.stdout)")

            // Each mean row's measured fraction is the share of its points whose |z| ≤ 1.96, recomputed from the
            // CSV's z column; it disagrees exactly when its 95% CI leaves out 0.95.
            let csv = try String(contentsOf: folder.appendingPathComponent("out/loss-curve.csv"), encoding: .utf8)
            let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = lines[0]
            let points = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            for (side, region) in [("mean_under", "under"), ("mean_over", "over")] {
                guard let row = verdicts.first(where: { ($0["id"] as? String)?.hasSuffix(side) == true }) else { continue }
                let z = points.filter { $0["region"] == region }.compactMap { Double($0["z"] ?? "") }
                let covered = Double(z.filter { abs($0) <= 1.96 }.count) / Double(z.count)
                let measured = try #require(row["measured"] as? Double)
                #expect(abs(measured - covered) < 1e-12, "\(side): \(measured) vs \(covered) from \(z)")
                let ci = try #require(row["ci95"] as? [Double])
                // Disagree when either exact test rejects at 2.5%: the coverage interval leaves out 0.95, or
                // χ² = Σz² over the points is beyond its upper 2.5% (recomputed here in closed form).
                let chiSquareRejects = Self.chiSquareSurvival(z.reduce(0) { $0 + $1 * $1 }, degrees: z.count) <= 0.025
                #expect((row["verdict"] as? String == "disagree") == (!(ci[0] <= 0.95 && 0.95 <= ci[1]) || chiSquareRejects), "\(row)")
            }

            // Again, everything stored: --format json prints the same rows; every pair was stored before this run.
            let second = try CLI.run(Self.arguments + ["--format", "json"], in: folder)
            #expect(second.status == 0, "\(second.stderr)")
            let printed = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
            let printedRows = try #require(printed["verdicts"] as? [[String: Any]])
            #expect(printedRows.map { $0["id"] as? String } == verdicts.map { $0["id"] as? String })
            #expect(printedRows.map { $0["verdict"] as? String } == verdicts.map { $0["verdict"] as? String })
            let secondNotes = Self.storeNotes(second.stderr)
            #expect(!secondNotes.isEmpty && secondNotes.allSatisfy { $0.before == $0.total }, "\(second.stderr)")
            #expect(!second.stderr.contains("measured earlier"), "\(second.stderr)")

            try Self.checkBandBetweenGridPoints(in: folder, json: object)
        }
    }

    /// The band of the JSON is the theory command's (checked at its ends), holds no grid point, and the
    /// figure shades it where N = first − ½ … last + ½ map, with no predicted-mean segment across it.
    static func checkBandBetweenGridPoints(in folder: URL, json: [String: Any]) throws {
        let curve = try #require((json["curves"] as? [[String: Any]])?.first)
        let first = try #require(curve["predicted_band_first_n"] as? Int)
        let last = try #require(curve["predicted_band_last_n"] as? Int)
        #expect(128 < first && last < 256, "band \(first)…\(last)")
        let theory = try CLI.run(["theory", "--alpha", "0", "--beta", "1.5", "--d", "600", "--n", "\(first - 1),\(first),\(last),\(last + 1)",
                                  "--format", "json"], in: folder)
        #expect(theory.status == 0, "\(theory.stderr)")
        let regions = try CurveCommandTests.jsonRows(theory.stdout).map { $0["region"] as? String }
        #expect(regions == ["under", "peak band", "peak band", "over"], "\(regions)")
        let points = try #require((curve["points"] as? [[String: Any]]))
        #expect(points.allSatisfy { ($0["predicted"] as? [String: Any])?["region"] as? String != "peak band" })

        let svg = try String(contentsOf: folder.appendingPathComponent("out/loss-curve.svg"), encoding: .utf8)
        // The measured means (the first 11 blue circles; the legend's comes last) give the pixel x of N = 8…8192;
        // N = 128 and 256 are the 5th and 6th.
        let cx = Self.numbers(in: svg, pattern: "<circle cx=\"([0-9.]+)\" cy=\"[0-9.]+\" r=\"[0-9.]+\" fill=\"#0072B2\"").prefix(11)
        #expect(cx.count == 11)
        guard cx.count == 11 else { return }
        let pixel = { (n: Double) in cx[4] + (cx[5] - cx[4]) * log2(n / 128) }
        let bandX = try #require(Self.polygonXs(in: svg, fill: "#D9D9D9"))
        #expect(abs(bandX.min()! - pixel(Double(first) - 0.5)) < 0.6 && abs(bandX.max()! - pixel(Double(last) + 0.5)) < 0.6,
                "band pixels \(bandX) vs \(pixel(Double(first) - 0.5))…\(pixel(Double(last) + 0.5))")
        // The predicted mean (black dashed path) breaks at the band: two pieces, neither entering it.
        let path = try #require(Self.firstMatch(in: svg, pattern: "<path d=\"([^\"]+)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.4\" stroke-dasharray"))
        let pieces = path.split(separator: "M").map { $0.split(separator: "L").compactMap { Double($0.split(separator: ",")[0]) } }
        #expect(pieces.count == 2, "\(path)")
        #expect(pieces.allSatisfy { $0.allSatisfy { $0 < bandX.min()! || $0 > bandX.max()! } }, "\(path)")
    }

    static func firstMatch(in text: String, pattern: String) -> String? {
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return String(text[Range(m.range(at: 1), in: text)!])
    }

    static func numbers(in text: String, pattern: String) -> [Double] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Double(text[Range($0.range(at: 1), in: text)!]) }
    }

    /// The x coordinates of the first polygon filled with `fill`.
    static func polygonXs(in svg: String, fill: String) -> [Double]? {
        firstMatch(in: svg, pattern: "<polygon points=\"([^\"]+)\" fill=\"\(fill)\"")
            .map { $0.split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) } }
    }
}
