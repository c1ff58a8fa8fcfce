import Foundation
import LinearAlgebra
import SparseScaling

/// One measurement the bench runs in a child process of its own (so that its peak RSS is its own).
package enum BenchmarkJob: Sendable, Codable, Hashable {
    /// The reduced solver on sparse data, timed phase by phase (`ReducedSolverProfile`), on
    /// `threads` threads (nil: all processors).
    case reducedProfile(PointSpecification, threads: Int? = nil)
    /// One point through `PointEvaluator.evaluate` (direct solver, dense data, ReLU features, …).
    case point(PointSpecification)
    /// The dgemm peak of the machine (square matrices of this size).
    case dgemmPeak(size: Int)
    /// Plain GD-failure replicates at D = `sampleCount` with the experiment's defaults, on all threads.
    case gdFailure(sampleCount: Int, replicates: Int)
    /// The point at each of `seeds` (one thread each, `concurrency` at once, nil: all threads): the
    /// losses and the total compute; with a budget, no new round of seeds starts after `budgetSeconds`
    /// of wall clock once `minimumSeeds` are done, nor after `deadline` once
    /// `SeedLosses.deadlineMinimumSeeds` are (the losses are those of the seeds run, in seed order).
    case seeds(PointSpecification, seeds: [UInt64], budgetSeconds: Double? = nil, minimumSeeds: Int = 8, concurrency: Int? = nil,
               deadline: Date? = nil)
    /// The losses of `seeds` seeds of `specification` under each sampler (`SamplerAgreement`).
    case samplerAgreement(PointSpecification, seeds: Int)
    /// One point on one thread, BLAS included (its CPU seconds are then the work, without the spin-waits
    /// of idle BLAS threads).
    case pointOnOneThread(PointSpecification)
    /// The draw rates (`DrawRates`): embedding columns of the specification's N, the sublinear sampler at
    /// its D and the per-sample sampler at `perSampleCount` samples, with its data parameters.
    case drawRates(PointSpecification, perSampleCount: Int)

    /// Short jobs are repeated up to this many times and the fastest run is kept (a single run of a
    /// few milliseconds mostly measures the scheduler).
    package static let maximumRepeats = 20
    /// Jobs at least this long (seconds) run once.
    package static let repeatBelowSeconds = 0.5

    /// Runs the job in this process: once, or for short jobs the best of up to `maximumRepeats` runs.
    /// The CPU seconds reported are those of the kept run.
    package func run() -> BenchmarkMeasurement {
        var best: BenchmarkMeasurement?
        var spent = 0.0
        for _ in 0..<Self.maximumRepeats {
            let cpuBefore = ProcessCPUTime.seconds()
            var measurement = measure()
            measurement.cpuSeconds = ProcessCPUTime.seconds() - cpuBefore
            guard let seconds = measurement.seconds else { return measurement }
            if seconds < best?.seconds ?? .infinity { best = measurement }
            spent += seconds
            if case .dgemmPeak = self { break }
            if case .seeds = self { break }
            if spent >= Self.repeatBelowSeconds { break }
        }
        best?.rssMegabytes = PeakResidentMemory.megabytes()
        return best!
    }

    func measure() -> BenchmarkMeasurement {
        do {
            switch self {
            case let .reducedProfile(spec, threads):
                let profile = try ReducedSolverProfile(spec, threads: threads ?? ParallelChunks.defaultThreads)
                return BenchmarkMeasurement(seconds: profile.total, loss: profile.lossValue, profile: profile)
            case let .point(spec):
                let (seconds, outcome) = try PhaseClock.measure { try PointEvaluator.evaluate(spec) }
                return BenchmarkMeasurement(seconds: seconds, loss: outcome.loss)
            case let .gdFailure(d, replicates):
                let settings = GDFailureSettings(sampleCounts: [d], replicates: replicates)
                let row = GDFailureExperiment.measure(settings, sampleCount: d, threads: ParallelChunks.defaultThreads)
                return BenchmarkMeasurement(seconds: row.seconds)
            case let .seeds(spec, seeds, budget, minimum, concurrency, deadline):
                return try SeedLosses.measure(spec, seeds: seeds, budgetSeconds: budget, minimumSeeds: minimum, concurrency: concurrency,
                                              deadline: deadline)
            case let .samplerAgreement(spec, seeds):
                let (seconds, agreement) = try PhaseClock.measure { try SamplerAgreement(spec, seeds: seeds) }
                var m = BenchmarkMeasurement(seconds: seconds)
                m.agreement = agreement
                return m
            case let .pointOnOneThread(spec):
                let (seconds, outcome) = try BLAS.withThreadCount(1) {
                    try PhaseClock.measure { try PointEvaluator.evaluate(spec, threads: 1) }
                }
                return BenchmarkMeasurement(seconds: seconds, loss: outcome.loss)
            case let .drawRates(spec, perSampleCount):
                let (seconds, rates) = try PhaseClock.measure {
                    try DrawRates(featureCount: spec.featureCount, parameters: spec.parameters,
                                  perSampleCount: perSampleCount, sublinearSampleCount: spec.sampleCount)
                }
                var m = BenchmarkMeasurement(seconds: seconds)
                m.drawRates = rates
                return m
            case let .dgemmPeak(size):
                let gflops = DgemmPeak.measure(size: size, repeats: 5)
                return BenchmarkMeasurement(seconds: KernelFlops.gemm(m: size, n: size, k: size) / gflops / 1e9, gflops: gflops)
            }
        } catch {
            return BenchmarkMeasurement(error: "\(error)")
        }
    }

    /// The job as one line of JSON (the child's argument).
    package func encoded() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }

    /// The job from its JSON line.
    package init(encoded text: String) throws {
        self = try JSONDecoder().decode(BenchmarkJob.self, from: Data(text.utf8))
    }
}

/// What one benchmark job measured (nil where not applicable).
package struct BenchmarkMeasurement: Sendable, Codable {
    /// Wall-clock seconds of the measured work (excluding process start-up).
    package var seconds: Double?
    /// The population loss of the point, if it is one.
    package var loss: Double?
    /// The reduced solver's phase times, if profiled.
    package var profile: ReducedSolverProfile?
    /// Achieved GFLOP/s (dgemm peak job).
    package var gflops: Double?
    /// CPU seconds (user + system, all threads) the job used; above `seconds` when it ran in
    /// parallel, below it when the machine was busy.
    package var cpuSeconds: Double?
    /// Peak RSS of the process that ran the job, in mebibytes.
    package var rssMegabytes: Double?
    /// Why the job failed or was skipped.
    package var error: String?
    /// The loss at each seed (seed jobs), in seed order.
    package var losses: [Double]?
    /// How many seeds reported the conditional mean (seed jobs with the conditional estimator).
    package var conditionalCount: Int?
    /// The two samplers' losses compared (sampler agreement job).
    package var agreement: SamplerAgreement?
    /// The draw rates (draw-rate job).
    package var drawRates: DrawRates?

    /// A measurement from its parts; the peak RSS is read from this process.
    package init(seconds: Double? = nil, loss: Double? = nil, profile: ReducedSolverProfile? = nil,
                gflops: Double? = nil, error: String? = nil) {
        self.seconds = seconds
        self.loss = loss
        self.profile = profile
        self.gflops = gflops
        self.error = error
        self.rssMegabytes = PeakResidentMemory.megabytes()
    }

    /// A failed measurement (no times, no memory).
    package static func failure(_ message: String) -> BenchmarkMeasurement {
        var m = BenchmarkMeasurement(error: message)
        m.rssMegabytes = nil
        return m
    }
}
