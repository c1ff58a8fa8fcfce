import Foundation

/// Where and when one `bench` run was measured: the command, the commit, the machine and its load at
/// the start and the end (wall-clock rows are only as good as the machine was quiet).
package struct BenchmarkProvenance: Sendable, Codable, Equatable {
    /// The command line that ran the bench.
    package var command: String
    /// The source commit, or nil when unknown.
    package var commit: String?
    /// ISO 8601 times of the start and the end of the run.
    package var started: String, finished: String
    /// The processor model (from /proc/cpuinfo), the processor count and the physical memory in GiB.
    package var processor: String, processors: Int, memoryGiB: Double
    /// The one-minute load average at the start and at the end.
    package var loadAtStart: Double?, loadAtEnd: Double?

    enum CodingKeys: String, CodingKey {
        case command, commit, started, finished, processor, processors
        case memoryGiB = "memory_gib", loadAtStart = "load_at_start", loadAtEnd = "load_at_end"
    }

    /// The provenance of a run of `command` at `commit` that started at `start` with load `loadAtStart`
    /// and ends now.
    package init(command: String, commit: String?, start: Date, loadAtStart: Double?) {
        let formatter = ISO8601DateFormatter()
        self.command = command
        self.commit = commit
        started = formatter.string(from: start)
        finished = formatter.string(from: Date())
        processor = Self.processorModel() ?? "unknown processor"
        processors = ProcessInfo.processInfo.activeProcessorCount
        memoryGiB = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        self.loadAtStart = loadAtStart
        loadAtEnd = Self.currentLoad()
    }

    /// The one-minute load average, or nil where /proc/loadavg is missing.
    package static func currentLoad() -> Double? {
        loadAverages()?.first.flatMap { Double($0) }
    }

    /// The 1-, 5- and 15-minute load averages as /proc/loadavg writes them, or nil where it is missing.
    package static func loadAverages() -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return Array(text.split(separator: " ").prefix(3))
    }

    /// The first "model name" of /proc/cpuinfo.
    static func processorModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
