import Foundation
import Testing
import TestSupport

/// Every command's memory estimate bounds its measured peak without being loose: estimate ≥ peak and
/// estimate ≤ 3 × peak. The estimate is the one the command itself refuses with under `--max-memory 1`
/// (so the number checked is the number used); the peak is the child's maximum RSS from `/usr/bin/time`.
/// Heavy tier: the commands run at sizes where the peak is well above the process baseline (minutes in all).
@Suite("Memory estimate against the measured peak", .serialized, .heavy, .enabled(if: PeakMemory.available, "needs /usr/bin/time"))
struct MemoryPeakTests {
    /// Commands of every kind: exact solvers (reduced, direct, dense data, β ≤ 1), iterative solvers,
    /// ReLU features, label noise, one-pass SGD, sweeps with threads, export, and the experiments with their own estimates.
    static let commands: [[String]] = [
        ["point", "--n", "8", "--d", "16"],
        ["point", "--n", "2000", "--d", "100000"],
        ["point", "--n", "3000", "--d", "30000", "--beta", "1.8"],
        ["point", "--n", "64", "--d", "1000000", "--sampler", "sublinear"],
        ["point", "--n", "2048", "--d", "1000000", "--sampler", "sublinear"],
        ["point", "--n", "1500", "--d", "200000", "--sampler", "sublinear"],
        ["point", "--n", "256", "--d", "10000000", "--sampler", "sublinear"],
        ["point", "--n", "1024", "--d", "10000000", "--beta", "3", "--sampler", "sublinear"],
        ["point", "--n", "1024", "--d", "100000", "--beta", "1.2"],
        ["point", "--n", "300", "--d", "1000", "--solver", "direct", "--m", "3000"],
        ["point", "--n", "800", "--d", "1200", "--data", "dense", "--m", "1000"],
        ["point", "--n", "600", "--d", "1500", "--beta", "0.6", "--m", "1500"],
        ["point", "--n", "1000", "--d", "20000", "--solver", "gd", "--max-iterations", "50"],
        ["point", "--n", "1000", "--d", "20000", "--solver", "nesterov", "--max-iterations", "50"],
        ["point", "--n", "500", "--d", "4000", "--solver", "sgd", "--max-iterations", "2"],
        ["point", "--n", "300", "--d", "800", "--data", "dense", "--m", "500", "--solver", "sgd", "--max-iterations", "2"],
        ["point", "--n", "500", "--d", "3000", "--features", "relu", "--solver", "direct"],
        ["point", "--n", "500", "--d", "3000", "--features", "relu", "--solver", "nesterov", "--max-iterations", "50"],
        ["sweep", "--n", "1000,2000", "--d", "100000", "--seeds", "2", "--threads", "2", "--store", "s.sqlite"],
        ["export", "--n", "64", "--d", "30000", "--out", "x"],
        ["experiment", "gd-failure", "--d", "30000", "--replicates", "32", "--threads", "2"],
        ["experiment", "gd-failure", "--d", "10000", "--n", "50", "--replicates", "64", "--threads", "2"],
        ["point", "--n", "2000", "--d", "100000", "--noise", "0.1"],
        ["point", "--n", "300", "--d", "1000", "--solver", "direct", "--m", "3000", "--noise", "0.1"],
        ["point", "--n", "500", "--d", "4000", "--solver", "sgd", "--max-iterations", "2", "--noise", "0.1"],
        ["point", "--n", "2000", "--d", "200000", "--solver", "online"],
        ["export", "--n", "64", "--d", "30000", "--noise", "0.1", "--out", "x"],
        ["experiment", "online", "--n", "256,1024", "--steps", "100000", "--seeds", "2", "--threads", "2", "--out", "o"],
        ["experiment", "label-noise", "--n", "64,512", "--d", "4096", "--seeds", "2", "--threads", "2", "--out", "o"],
    ]

    @Test("estimate ≥ peak and ≤ 3 × peak", arguments: commands)
    func bounded(_ command: [String]) throws {
        try withTemporaryFolder { folder in
            let refused = try CLI.run(command + ["--max-memory", "1"], in: folder)
            #expect(refused.status == 1, "\(refused.stderr)")
            let estimate = try #require(PeakMemory.estimate(inRefusal: refused.stderr), "\(refused.stderr)")
            #expect(contents(of: folder).isEmpty, "a refused run wrote \(contents(of: folder))")
            let run = try PeakMemory.run(command, in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let mib = { (x: Double) in String(format: "%.1f MiB", x / 1_048_576) }
            #expect(estimate >= run.peakBytes, "estimate \(mib(estimate)) below the peak \(mib(run.peakBytes))")
            #expect(estimate <= 3 * run.peakBytes, "estimate \(mib(estimate)) over 3 × the peak \(mib(run.peakBytes))")
        }
    }
}
