/// Sizes of an experiment that are measured over seeds, with a preset for each profile.
public protocol SeededConfiguration: Sendable {
    /// Seeds per point.
    var seeds: Int { get set }
    /// The sizes of a profile.
    static func preset(_ profile: ExperimentProfile) -> Self
}

/// A named experiment whose points are measured through a `MeasurementRunner` (so they resume from a store).
public protocol StoredExperiment {
    /// Its sizes.
    associatedtype Configuration: SeededConfiguration
    /// What it produces.
    associatedtype Output: ExperimentOutput
    /// Runs the experiment at α, β.
    static func run(alpha: Double, beta: Double, configuration: Configuration, runner: MeasurementRunner) throws -> Output
}

extension LinearSweepsExperiment: StoredExperiment {}
extension CollapseExperiment: StoredExperiment {}
extension FrontierExperiment: StoredExperiment {}
extension ModelRichLossExperiment: StoredExperiment {}

extension LinearSweepsExperiment.Configuration: SeededConfiguration {}
extension CollapseExperiment.Configuration: SeededConfiguration {}
extension FrontierExperiment.Configuration: SeededConfiguration {}
extension ModelRichLossExperiment.Configuration: SeededConfiguration {}
extension ObservedCoordinatesExperiment.Configuration: SeededConfiguration {}
