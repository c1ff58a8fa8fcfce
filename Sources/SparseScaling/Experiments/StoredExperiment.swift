/// Sizes of an experiment that are measured over seeds.
public protocol SeededConfiguration: Sendable {
    /// Seeds per point.
    var seeds: Int { get set }
}

/// A named experiment whose points are measured through a `MeasurementRunner` (so they resume from a store).
public protocol StoredExperiment {
    /// Its sizes.
    associatedtype Configuration: SeededConfiguration
    /// What it produces.
    associatedtype Output: ExperimentOutput
    /// One line saying what it measures, for `--help`.
    static var abstract: String { get }
    /// The sizes of a profile.
    static func preset(_ profile: ExperimentProfile) -> Configuration
    /// Runs the experiment at α, β.
    static func run(alpha: Double, beta: Double, configuration: Configuration, runner: MeasurementRunner) throws -> Output
}

extension LinearSweepsExperiment: StoredExperiment {
    public static let abstract = "Sparse/dense N- and D-sweeps with linear features: joint exponent of three, separate exponent of the sparse D-sweep (Fig. 5)."
    public static func preset(_ profile: ExperimentProfile) -> Configuration { .preset(profile) }
}

extension CollapseExperiment: StoredExperiment {
    public static let abstract = "Loss over N for several D in collapse coordinates, with the double-descent peak vs Γ(1−1/β) (Fig. 2)."
    public static func preset(_ profile: ExperimentProfile) -> Configuration { .preset(profile) }
}

extension FrontierExperiment: StoredExperiment {
    public static let abstract = "Loss vs compute C = N·D·min(N,D) for fixed-N curves; lower envelope and its exponent vs (α+β)/(β+2) (Fig. 3)."
    public static func preset(_ profile: ExperimentProfile) -> Configuration { .preset(profile) }
}

extension ModelRichLossExperiment: StoredExperiment {
    public static let abstract = "Loss of heavily overparameterized models vs Σ λ_i(1−p_i)^D and its asymptote (Theorem 3.3)."
    public static func preset(_ profile: ExperimentProfile) -> Configuration { .preset(profile) }
}

extension LinearSweepsExperiment.Configuration: SeededConfiguration {}
extension CollapseExperiment.Configuration: SeededConfiguration {}
extension FrontierExperiment.Configuration: SeededConfiguration {}
extension ModelRichLossExperiment.Configuration: SeededConfiguration {}
extension ObservedCoordinatesExperiment.Configuration: SeededConfiguration {}
