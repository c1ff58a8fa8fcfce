import Foundation
import Testing
import TestSupport

/// A sweep killed with SIGKILL at a random moment and started again ends with exactly the rows of an
/// uninterrupted run: none lost, none duplicated, losses bit for bit equal (compared as shortest
/// round-trip decimal strings, which identify a Double exactly).
@Suite("Kill and resume", .serialized)
struct CrashResumeTests {
    /// Trials: 3 in the default tier (each still checks every row after a kill and a resume, and the
    /// aimed retries below make at least one kill land midway), 40 in the heavy tier, where kills spread
    /// over start-up, store creation and the measurements.
    static var trials: Int { TestTier.size(default: 3, heavy: 40) }

    @Test("SIGKILL at a random moment, then resume: same rows as an uninterrupted run")
    func killAndResume() throws {
        let reference = try ReferenceSweep.rows.get()
        #expect(reference.count == 144)
        #expect(Set(reference).count == reference.count)
        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0, killedBeforeStore = 0
        /// One trial killed after `delay` seconds, then resumed; counts where the kill landed.
        func trial(_ trial: Int, delay: Double) throws {
            try withTemporaryFolder { folder in
                let threads = trial % 2 == 0 ? "2" : "1"
                let first = try CLI.run(ReferenceSweep.command(store: "s.sqlite", ["--threads", threads]), in: folder, killAfter: delay)
                if first.signaled {
                    // Killed before the schema was written, the file is refused as empty (and left so).
                    let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.sqlite").path)
                    let empty = try exists && CLI.run(["results", "--store", "s.sqlite"], in: folder).stderr.contains("is empty")
                    var partial: [String] = []
                    if exists && !empty {
                        // A kill mid-write can leave a hot journal or a write-ahead log index to rebuild;
                        // `results` reads a recovered private copy and leaves the store for the resume.
                        partial = try CLI.storedRows("s.sqlite", in: folder)
                    }
                    #expect(Set(partial).isSubset(of: Set(reference)), "trial \(trial): rows before resuming must be final rows")
                    // Midway: the store existed with its schema and the sweep had not finished.
                    if exists && !empty && partial.count < reference.count { killedMidway += 1 } else { killedBeforeStore += 1 }
                }
                let second = try CLI.run(ReferenceSweep.command(store: "s.sqlite", ["--threads", "2"]), in: folder)
                #expect(second.status == 0, "trial \(trial) (killed after \(delay) s): \(second.stderr)")
                let rows = try CLI.storedRows("s.sqlite", in: folder)
                #expect(rows.count == reference.count, "trial \(trial): \(rows.count) rows, no duplicates or losses")
                #expect(rows == reference, "trial \(trial) (killed after \(delay) s): rows differ from the uninterrupted run")
            }
        }
        for index in 0..<Self.trials {
            // Spread kill times over start-up, store creation and the measurements.
            try trial(index, delay: Double.random(in: 0.02...1.6, using: &generator))
        }
        // Too few kills landed while the store existed (a loaded or a fast machine): aim the next ones
        // inside the measured duration of an uninterrupted run.
        if killedMidway == 0 {
            let duration = try withTemporaryFolder { folder in
                let start = Date()
                _ = try CLI.run(ReferenceSweep.command(store: "s.sqlite", ["--threads", "2"]), in: folder)
                return Date().timeIntervalSince(start)
            }
            for index in 0..<6 where killedMidway == 0 {
                try trial(Self.trials + index, delay: duration * Double.random(in: 0.4...0.9, using: &generator))
            }
        }
        // At least one kill must land while the sweep was running with its store, or the test proves nothing.
        #expect(killedMidway >= 1, "kills midway \(killedMidway), before the store existed \(killedBeforeStore)")
    }
}
