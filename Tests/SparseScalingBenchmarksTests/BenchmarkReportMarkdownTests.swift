import Foundation
import Testing
@testable import SparseScalingBenchmarks

/// The README's performance table rendered from a bench run: one row per target with its verdict, the run's
/// provenance on top, and the same table from the run's JSON read back.
@Suite struct BenchmarkReportMarkdownTests {
    static func report() -> BenchmarkReport {
        var report = BenchmarkReport()
        report.verdicts = [
            BenchmarkVerdict(target: "reduced ≥ 1000× faster", met: true, detail: "1440× (0.0139 s vs 20.0 s)"),
            BenchmarkVerdict(target: "paired |z| < 3", met: false, detail: "z = 3.4"),
            BenchmarkVerdict(target: "point (2048, 10^7)", met: nil, detail: "not measured"),
        ]
        report.provenance = BenchmarkProvenance(
            command: "sparse-scaling bench --quick", commit: String(repeating: "ab", count: 20),
            start: Date(timeIntervalSince1970: 0), loadAtStart: 0.25)
        return report
    }

    @Test func everyVerdictIsARowWithItsWordAndPipesAreEscaped() throws {
        let lines = Self.report().markdown().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("Measured by `sparse-scaling bench --quick` at commit `abababababab`, 1970-01-01T00:00:00Z to "))
        #expect(lines[0].contains("load average 0.2 at the start") || lines[0].contains("load average 0.3 at the start"))
        #expect(lines[2] == "| target | verdict | measured |")
        #expect(lines[4] == "| reduced ≥ 1000× faster | met | 1440× (0.0139 s vs 20.0 s) |")
        #expect(lines[5] == "| paired \\|z\\| < 3 | **missed** | z = 3.4 |")
        #expect(lines[6] == "| point (2048, 10^7) | not measured | not measured |")
        #expect(lines.count == 7)
    }

    @Test func theSavedJSONRendersTheSameTable() throws {
        let report = Self.report()
        let saved = try BenchmarkReport(json: Data(try report.json().utf8))
        #expect(saved.markdown() == report.markdown())
        #expect(saved.provenance == report.provenance)
    }

    @Test func aPointOverTheMemoryLimitIsNotRunAndSaysWhy() throws {
        var plan = BenchmarkPlan.quick
        plan.pointMemoryBytes = 1_048_576
        let runner = BenchmarkRunner(plan: plan, measure: { _ in
            Issue.record("the job was run")
            return BenchmarkMeasurement(seconds: 1)
        })
        let measured = runner.timed("point", .point(try runner.spec(n: 256, d: 4096)))
        #expect(measured.seconds == nil)
        #expect(measured.error?.hasPrefix("not run: needs an estimated ") == true)
        #expect(measured.error?.hasSuffix("over this machine's limit 1.0 MiB") == true)
    }
}
