import ArgumentParser
import SparseScaling

/// `--n` and `--d` of the named experiments: sizes that replace the profile's (`--n` is left out of
/// `--help`, and refused, where the experiment has no free N).
struct ExperimentGrid<C: GridConfiguration>: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Model sizes N replacing the profile's N-sweeps: a list (8,16,32) or a log range (8...4096x2).",
        visibility: C.featureCountsFixed == nil ? .default : .hidden))
    var n: String?

    @Option(parsing: .unconditional, help: "Data sizes D replacing the profile's D values: a list (64,256,1024) or a log range (64...16384x2).")
    var d: String?

    /// The sizes given (nil when absent), each a usage error naming its flag when malformed.
    func sizes() throws -> (featureCounts: [Int]?, sampleCounts: [Int]?) {
        do {
            return (try n.map { try SizeGrid(parsing: $0, parameter: .featureCount).values },
                    try d.map { try SizeGrid(parsing: $0, parameter: .sampleCount).values })
        } catch let error as ParameterError {
            throw error.usageError
        }
    }

    /// `configuration` with the sizes given; `--n` where the experiment has no free N is refused.
    func apply(to configuration: C, experiment: String) throws -> C {
        let (ns, ds) = try sizes()
        if ns != nil, let reason = C.featureCountsFixed {
            throw ValidationError("--n has no effect in experiment \(experiment): \(reason)")
        }
        var c = configuration
        if let ns { c.setFeatureCounts(ns) }
        if let ds { c.setSampleCounts(ds) }
        return c
    }
}

/// An experiment configuration whose N and D values can be replaced from the command line.
protocol GridConfiguration {
    /// Why N is not free (nil when `--n` sets it).
    static var featureCountsFixed: String? { get }
    /// Replaces the N values.
    mutating func setFeatureCounts(_ values: [Int])
    /// Replaces the D values.
    mutating func setSampleCounts(_ values: [Int])
}

extension GridConfiguration {
    static var featureCountsFixed: String? { nil }
    mutating func setFeatureCounts(_ values: [Int]) {}
}

extension LinearSweepsExperiment.Configuration: GridConfiguration {
    mutating func setFeatureCounts(_ values: [Int]) { sparseNSweepN = values; denseNSweepN = values }
    mutating func setSampleCounts(_ values: [Int]) { sparseDSweepD = values; denseDSweepD = values }
}

extension ReLUSweepsExperiment.Configuration: GridConfiguration {
    mutating func setFeatureCounts(_ values: [Int]) { sparseNSweepN = values; denseNSweepN = values }
    mutating func setSampleCounts(_ values: [Int]) { dSweepD = values }
}

extension FrontierExperiment.Configuration: GridConfiguration {
    mutating func setFeatureCounts(_ values: [Int]) { featureCounts = values }
    mutating func setSampleCounts(_ values: [Int]) { sampleCounts = values }
}

extension CollapseExperiment.Configuration: GridConfiguration {
    static var featureCountsFixed: String? { "N follows from D and the collapse coordinate" }
    mutating func setSampleCounts(_ values: [Int]) { sampleCounts = values }
}

extension ModelRichLossExperiment.Configuration: GridConfiguration {
    static var featureCountsFixed: String? { "N = 16·D (model-rich)" }
    mutating func setSampleCounts(_ values: [Int]) { sampleCounts = values }
}

extension LabelNoiseExperiment.Configuration: GridConfiguration {
    mutating func setFeatureCounts(_ values: [Int]) { nSweepN = values }
    mutating func setSampleCounts(_ values: [Int]) { dSweepD = values }
}
