import Foundation
import ResultsStore
import Testing
@testable import SparseScaling

/// `reproduce` end to end at toy sizes: every step runs in order, every prediction gets a row with a
/// verdict, a second run resumes from the store without computing anything, and the output folder
/// holds the report, the figures, the data and summary.json.
@Suite(.serialized) struct PaperReproductionTests {
    /// The quick plan shrunk to seconds (sizes small, 2 seeds, fits on 3 points).
    static func toyPlan() -> ReproductionPlan {
        var plan = ReproductionPlan(profile: .quick)
        plan.observedCoordinates.sampleCounts = [64, 128, 256]
        plan.observedCoordinates.seeds = 2
        plan.modelRichLoss.sampleCounts = [64, 128, 256]
        plan.modelRichLoss.seeds = 2
        plan.linearSweeps.seeds = 2
        plan.linearSweeps.fitTail = 3
        plan.linearSweeps.sparseNSweepN = [4, 8, 16]
        plan.linearSweeps.sparseNSweepD = 4096
        plan.linearSweeps.sparseDSweepD = [64, 128, 256]
        plan.linearSweeps.denseNSweepN = [4, 8, 16]
        plan.linearSweeps.denseNSweepD = 256
        plan.linearSweeps.denseNSweepM = 128
        plan.linearSweeps.denseDSweepD = [16, 32, 64]
        plan.linearSweeps.denseDSweepM = 256
        plan.collapse.sampleCounts = [64, 256]
        plan.collapse.pointsPerOctave = 1
        plan.collapse.seeds = 2
        plan.frontier.featureCounts = [4, 8]
        plan.frontier.sampleCounts = [16, 32, 64, 128]
        plan.frontier.seeds = 2
        plan.reluSweeps.seeds = 2
        plan.reluSweeps.fitTail = 3
        plan.reluSweeps.sparseNSweepN = [4, 8, 16]
        plan.reluSweeps.sparseNSweepD = 256
        plan.reluSweeps.denseNSweepN = [4, 8, 16]
        plan.reluSweeps.denseNSweepD = 128
        plan.reluSweeps.denseNSweepM = 64
        plan.reluSweeps.dSweepD = [16, 32, 64]
        plan.reluSweeps.denseDSweepM = 64
        plan.reluSweeps.maxIterations = 2000
        plan.reluSweeps.testSamples = 64
        plan.gdFailure.plainSampleCounts = [100, 200]
        plan.gdFailure.plainReplicates = 50
        plan.gdFailure.importanceSampleCounts = [400]
        plan.gdFailure.importanceReplicates = 20
        plan.gdFailure.featureCount = 256
        plan.gdFailure.fitTail = 3
        plan.gdFailure.crossCheckSampleCounts = [200]
        plan.gdFailure.crossCheckMaximumReplicates = 200
        plan.lossCurve.settings = [.init(alpha: 0, beta: 2, sampleCount: 256)]
        plan.lossCurve.featureCounts = [8, 32, 128, 512]
        plan.lossCurve.seeds = 2
        plan.lossCurve.underparameterizedSeeds = 4
        plan.labelNoise.seeds = 4
        plan.labelNoise.nSweepN = [4, 8, 16, 32]
        plan.labelNoise.nSweepD = 128
        plan.labelNoise.dSweepD = [64, 128, 256]
        plan.labelNoise.lawD = [64, 128]
        plan.online.featureCounts = [8, 16, 32, 64]
        plan.online.steps = 4000
        plan.online.seeds = 2
        return plan
    }

    @Test func runsEveryStepResumesAndWritesTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reproduction-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ResultsStore(path: folder.appendingPathComponent("s.sqlite").path)
        let runner = MeasurementRunner(store: store, threads: 2)
        let plan = Self.toyPlan()

        var announced: [String] = []
        let results = try PaperReproduction.run(alpha: 0, beta: 2, plan: plan, runner: runner) { step, count, name in
            #expect(step == announced.count + 1)
            #expect(count == PaperReproduction.steps.count)
            announced.append(name)
        }
        #expect(announced == PaperReproduction.steps)
        #expect(results.alpha == 0 && results.beta == 2)
        #expect(results.gdFailure.alpha == -1.5)
        #expect(results.gdFailure.importance != nil)
        // Both estimators at D = 200, with a verdict row on their difference.
        #expect(results.gdFailure.estimatorPairs.map(\.plain.sampleCount) == [200])
        #expect(results.comparisonRows.contains { $0.id == "ours.gd_failure.estimators.d200" && $0.verdict != .notMeasured })

        // Every row has a verdict computed from its numbers, and a measured row's CI contains the measurement
        // (a curve row's measurement is its covered fraction); a measured row without a CI is inconclusive.
        let rows = results.comparisonRows
        #expect(rows.count >= 8)
        for row in rows {
            if let measured = row.measured, measured.isFinite, let lower = row.ciLower, let upper = row.ciUpper {
                #expect(lower <= measured && measured <= upper, "\(row.quantity)")
                #expect(row.verdict != .notMeasured, "\(row.quantity)")
                // Nothing outside its CI agrees.
                if row.claim == .equals, !(lower <= row.predicted && row.predicted <= upper) { #expect(row.verdict == .disagree, "\(row.quantity)") }
            } else if let measured = row.measured, measured.isFinite {
                #expect(row.verdict == .inconclusive && row.intervalMethod.kind == .none, "\(row.quantity)")
            } else {
                #expect(row.verdict == .notMeasured, "\(row.quantity)")
            }
            // Every precision is derived and says from what; none is a stated number.
            if let precision = row.precision {
                #expect(!precision.source.isEmpty && !precision.source.contains("not derived") && precision.value >= 0, "\(row.quantity)")
            }
            // A grid-located quantity's CI is never narrower than half a grid step in log.
            if row.intervalMethod.kind == .gridResolution, let lower = row.ciLower, let upper = row.ciUpper {
                #expect(log(upper / lower) >= log(results.collapse.gridStep) * (1 - 1e-12), "\(row.quantity)")
            }
        }
        #expect(Set(rows.map(\.id)).count == rows.count, "ids are unique")
        #expect(Set(rows.map(\.group)) == Set(ClaimGroup.allCases))

        // A second run computes nothing new: the store holds the same rows and the numbers repeat.
        let stored = try store.allPoints().count
        #expect(stored > 0)
        let again = try PaperReproduction.run(alpha: 0, beta: 2, plan: plan, runner: runner)
        #expect(try store.allPoints().count == stored)
        #expect(again.linear.alphaNJoint == results.linear.alphaNJoint)
        #expect(again.comparisonRows.map(\.verdict) == rows.map(\.verdict))

        try ReproductionWriter.write(results, to: folder, command: "sparse-scaling reproduce --profile quick", provenance: ["test"], commit: nil)
        let manager = FileManager.default
        for name in ["report.html", "summary.json", "figures", "data"] {
            #expect(manager.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let figures = try manager.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
        #expect(figures.filter { $0.hasSuffix(".svg") }.count >= 6)
        // The report's figures are the experiments' own (ExperimentFigures), one per ReLU solver.
        for set in results.relu.sets { #expect(figures.contains("relu-sweeps-\(set.solver.rawValue).svg")) }
        for stem in ExperimentFigures.figures(of: results.linear).map(\.stem) + ["collapse", "frontier", "gd-failure", "loss-curve", "label-noise", "online"] {
            #expect(figures.contains("\(stem).svg"), "\(stem).svg")
        }
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<tr class=").count - 1 == rows.count)
        #expect(!html.contains("NaN") && !html.contains(">nan<"))
        // The report opens with the count line and the summary, computed from the rows, then one section
        // per claim group with that group's counts.
        func counts(_ rows: [ComparisonRow]) -> String {
            let n = { (v: Verdict) in rows.filter { $0.verdict == v }.count }
            let tail = n(.notMeasured) > 0 ? ", \(n(.notMeasured)) not measured" : ""
            return "\(rows.count) row\(rows.count == 1 ? "" : "s"): \(n(.agree)) agree, \(n(.inconclusive)) inconclusive, \(n(.disagree)) disagree\(tail)."
        }
        let countLine = try #require(html.range(of: "<strong>\(counts(rows))</strong>"))
        #expect(countLine.lowerBound < html.range(of: "<table")!.lowerBound)
        #expect(html.contains("id=\"executive-summary\"><li>\(rows.filter { $0.verdict == .agree }.count) row"))
        for group in ClaimGroup.allCases {
            let slug = group.rawValue.replacingOccurrences(of: " ", with: "-")
            #expect(html.contains("<h2 id=\"group-\(slug)\">\(HTMLReport.heading(group))</h2>\n<p class=\"count\">\(counts(rows.filter { $0.group == group }))</p>"), "\(group)")
        }
        // Long text is collapsible; the theory section gives every value or says why not.
        #expect(html.components(separatedBy: "<details><summary>Methods and numbers behind this figure</summary>").count - 1 == figures.filter { $0.hasSuffix(".svg") }.count)
        let theory = try #require(html.range(of: "<h2>Closed-form theory"))
        let theoryTable = String(html[theory.lowerBound...]).components(separatedBy: "<h2>Provenance")[0]
        #expect(!theoryTable.contains("<td>—</td>"), "no bare dash in the theory table")
        #expect(theoryTable.contains("<td>at D = 64, 256: "), "quantities of D at the collapse's sizes")
        // Displayed numbers carry U+2212: outside ids and code, no hyphen-minus is the sign of a number.
        let visible = html.replacing(/<style>[\s\S]*?<\/style>/, with: "").replacing(/<svg[\s\S]*?<\/svg>/, with: "")
            .replacing(/<code>[^<]*<\/code>/, with: "").replacing(/<span class="how">id [^;]*;/, with: "").replacing(/<[^>]+>/, with: " ")
        let hyphenSign = try Regex(#".{0,40}(^|[\s(\[=,^:])-[0-9].{0,20}"#)
        let signed = visible.firstMatch(of: hyphenSign).map { String(visible[$0.range]) }
        #expect(signed == nil, "a hyphen-minus as a sign: \(signed ?? "")")
        let onePlural = try Regex(#"\b1 (points|seeds|rows)\b"#)
        #expect(visible.firstMatch(of: onePlural) == nil)
        let verdicts = try String(contentsOf: folder.appendingPathComponent("verdicts.md"), encoding: .utf8)
        #expect(verdicts.contains("**\(counts(rows))**"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any])
        #expect(summary["command"] as? String == "sparse-scaling reproduce --profile quick")
        #expect(summary["commit"] is NSNull && summary["version"] is String && summary["date"] is String)
        #expect(summary["format_version"] as? Int == ReproductionSummary.formatVersion)
        let comparison = try #require(summary["comparison"] as? [String: [[String: Any]]])
        #expect(Set(comparison.keys) == ["paper", "ours", "future work"])
        let summaryRows = comparison.values.flatMap { $0 }
        #expect(summaryRows.count == rows.count)
        // summary.json holds every row under its id.
        #expect(Set(summaryRows.compactMap { $0["id"] as? String }) == Set(rows.map(\.id)))
        for row in summaryRows where row["claim"] as? String == "exceeds" {
            #expect(row["bound"] != nil && row["ci95_one_sided"] != nil && row["ci95"] == nil)
        }
        let parameters = try #require(summary["parameters"] as? [String: Any])
        #expect(parameters["m"] as? String == "inf", "M = ∞ at β = 2 is written inf")
    }
}
