import Foundation
import Testing
@testable import ResultsStore

/// A writer process killed with SIGKILL mid-write must leave a consistent database: every batch whole or absent.
@Suite("Crash safety")
struct CrashSafetyTests {
    static let childVariable = "RESULTS_STORE_CRASH_CHILD_PATH"
    static let batchSize = 10

    @Test("child writer: inserts batches until killed (a no-op unless started by the kill test)")
    func childWriter() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
        let store = try ResultsStore(path: path)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            var configuration = sampleConfiguration(Int.random(in: 0..<100))
            configuration.extra = "batch=\(UInt64.random(in: 0...UInt64.max))"
            let batch = (0..<Self.batchSize).map { seed in
                StoredPoint(configuration: configuration, seed: UInt64(seed), result: sampleResult(seed), toolVersion: "child")
            }
            try store.insert(contentsOf: batch)
        }
    }

    #if os(Linux)
    @Test("SIGKILL during writes leaves a consistent database with whole batches only")
    func killedWriter() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("killed.sqlite").path
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            var minimum = 0
            for _ in 0..<3 {
                let child = Process()
                child.executableURL = URL(fileURLWithPath: executable)
                child.arguments = ["--testing-library", "swift-testing", "--filter", "CrashSafetyTests/childWriter"]
                child.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: path]) { $1 }
                child.standardOutput = FileHandle.nullDevice
                child.standardError = FileHandle.nullDevice
                try child.run()
                // Let it write a while, then kill it wherever it is.
                minimum += 50 * Self.batchSize
                let deadline = Date().addingTimeInterval(60)
                while Date() < deadline && child.isRunning {
                    if FileManager.default.fileExists(atPath: path),
                       let count = try? ResultsStore(path: path, createIfMissing: false).count, count >= minimum {
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.02)
                }
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.05))
                #expect(child.isRunning, "the child writer stopped before it was killed")
                kill(child.processIdentifier, SIGKILL)
                child.waitUntilExit()
                #expect(child.terminationReason == .uncaughtSignal)

                // Opening runs PRAGMA quick_check; then every batch must be whole.
                let store = try ResultsStore(path: path)
                let points = try store.allPoints()
                #expect(points.count >= minimum)
                let sizes = Dictionary(grouping: points, by: { $0.configuration.key }).values.map(\.count)
                #expect(sizes.allSatisfy { $0 == Self.batchSize })
                minimum = points.count
            }
        }
    }
    #endif
}
