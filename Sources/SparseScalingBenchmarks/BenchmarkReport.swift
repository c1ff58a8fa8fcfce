import Foundation
import SparseScaling
import LinearAlgebra

/// Everything one `bench` run measured: the rows, the dgemm peak, the growth fits, the verdicts,
/// and the environment that affects timings.
package struct BenchmarkReport: Sendable, Codable {
    /// The table rows.
    package var rows: [BenchmarkRow] = []
    /// GFLOP/s of a large square dgemm on this machine.
    @NullWhenAbsent package var dgemmPeakGflops: Double? = nil
    /// Fitted growth exponents of the reduced solver's time.
    package var growth: [GrowthExponent] = []
    /// The targets and whether they were met.
    package var verdicts: [BenchmarkVerdict] = []
    /// Thread-count environment variables and the machine's load when the run started.
    package var environment: [String: String] = BenchmarkReport.currentEnvironment()
    /// The command, commit, machine and load of the run; nil in a child's partial report.
    package var provenance: BenchmarkProvenance? = nil

    /// An empty report.
    package init() {}

    enum CodingKeys: String, CodingKey {
        case rows, growth, verdicts, environment, provenance
        case dgemmPeakGflops = "dgemm_peak_gflops"
    }

    /// A report read back from `json()`'s output.
    package init(json data: Data) throws {
        self = try JSONDecoder().decode(BenchmarkReport.self, from: data)
    }

    /// The report as pretty-printed JSON with sorted keys.
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Thread variables (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, …), the processor count and the load average.
    package static func currentEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        for (key, value) in ProcessInfo.processInfo.environment
        where key.contains("THREAD") || key.hasPrefix("OPENBLAS") || key.hasPrefix("OMP") || key.contains("BLAS") {
            env[key] = value
        }
        env["processors"] = "\(ProcessInfo.processInfo.activeProcessorCount)"
        env["openblas_threads"] = "\(BLAS.threadCount)"
        if let load = BenchmarkProvenance.loadAverages() { env["loadavg"] = load.joined(separator: " ") }
        return env
    }
}
