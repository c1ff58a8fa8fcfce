/// Sizes of an experiment that are measured over seeds, with a preset for each profile.
package protocol SeededConfiguration: Sendable {
    /// Seeds per point.
    var seeds: Int { get set }
    /// The sizes of a profile.
    static func preset(_ profile: ExperimentProfile) -> Self
}

/// A named experiment whose points are measured through a `MeasurementRunner` (so they resume from a store).
package protocol StoredExperiment {
    /// Its sizes.
    associatedtype Configuration: SeededConfiguration
    /// What it produces.
    associatedtype Output: ExperimentOutput
    /// Runs the experiment at α, β.
    static func run(alpha: Double, beta: Double, configuration: Configuration, runner: MeasurementRunner) throws -> Output
    /// The batches `run` measures, in order, known before any work (for the whole-plan memory estimate).
    static func plan(alpha: Double, beta: Double, configuration: Configuration) throws -> [PlannedBatch]
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
