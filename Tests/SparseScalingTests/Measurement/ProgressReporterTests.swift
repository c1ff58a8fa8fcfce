import Foundation
import Testing
@testable import SparseScaling

/// Progress off a terminal (a log file, nohup): plain lines while a long task runs and one at its end, nothing for a
/// short task, never a carriage return or an escape sequence.
struct ProgressReporterTests {
    /// Collects what the reporter writes.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
        var lines: [String] { lock.lock(); defer { lock.unlock() }; return text.split(separator: "\n").map(String.init) }
        var raw: String { lock.lock(); defer { lock.unlock() }; return text }
    }

    @Test func longTaskLogsPlainLinesAndItsEnd() throws {
        let sink = Sink()
        let reporter = ProgressReporter(terminal: false, logInterval: 0.1, output: { sink.append($0) })
        reporter.begin("sweep", total: 3)
        reporter.advance()
        Thread.sleep(forTimeInterval: 0.45)
        reporter.advance()
        reporter.advance()
        reporter.finish()
        let lines = sink.lines
        // About four lines at 1/3 during the sleep (a timer line may also land between the last steps and the end).
        #expect(lines.filter { $0.hasPrefix("sweep: 1/3  elapsed ") && $0.contains("ETA") }.count >= 2, "\(lines)")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("sweep: ") && $0.contains("ETA") }, "\(lines)")
        #expect(lines.last?.hasPrefix("sweep: 3/3 done in ") == true, "\(lines)")
        #expect(!sink.raw.contains("\r") && !sink.raw.contains("\u{1B}"))
    }

    @Test func shortTaskLogsNothingAndQuietNothingAtAll() throws {
        let sink = Sink()
        let reporter = ProgressReporter(terminal: false, logInterval: 60, output: { sink.append($0) })
        reporter.begin("sweep", total: 2)
        reporter.advance()
        reporter.advance()
        reporter.finish()
        #expect(sink.raw.isEmpty)
        let quiet = ProgressReporter(terminal: false, quiet: true, logInterval: 0.05, output: { sink.append($0) })
        quiet.begin("sweep", total: 2)
        Thread.sleep(forTimeInterval: 0.2)
        quiet.note("a note")
        quiet.finish()
        #expect(sink.raw.isEmpty)
    }
}
