import ArgumentParser
import Foundation
import SparseScaling
import SparseScalingBenchmarks

/// `sparse-scaling bench`: time the reduced solver against the direct one, its growth with D and N,
/// the dense kernels against the dgemm peak, and the dense/ReLU paths against NumPy.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the solvers' speed, growth exponents, kernel GFLOP/s and peak memory.",
        discussion: "Each measurement runs in a child process of this binary so that its peak RSS is its own. The full run takes several minutes (the direct solver at N = 1024, D = M = 16384 alone needs ~2.5 GB and tens of seconds); --quick takes well under a minute. Timings are wall clock: run on an otherwise idle machine."
    )

    @Flag(help: "Run the shorter set of sizes (under a minute) instead of the full one.")
    var quick = false

    @Option(help: "Output format: text or json. Default text.")
    var format: OutputFormat = .text

    @Option(help: .hidden)
    var job: String?

    func run() throws {
        if let job {
            // Child mode: one measurement, one JSON line on standard output.
            let measurement = try BenchmarkJob(encoded: job).run()
            print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
            return
        }
        // Each job runs in a child copy of this binary: `bench --job <json>` (this command's child mode).
        let measure: @Sendable (BenchmarkJob) -> BenchmarkMeasurement = { job in
            ChildProcess.measure(job, arguments: { ["bench", "--job", $0] })
        }
        let runner = BenchmarkRunner(plan: quick ? .quick : .full, measure: measure, progress: { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        })
        let report = try runner.run()
        switch format {
        case .json: print(try report.json())
        case .text: print(report.text())
        }
    }
}
