import ArgumentParser
import SparseScaling

/// `sparse-scaling experiment`: the paper's named experiments, each writing its figure and the data behind it.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run one of the paper's experiments and write its data (CSV and JSON) and its figure (SVG).",
        subcommands: [
            StoredExperimentCommand<LinearSweepsExperiment>.self, StoredExperimentCommand<CollapseExperiment>.self,
            StoredExperimentCommand<FrontierExperiment>.self, StoredExperimentCommand<ModelRichLossExperiment>.self,
            StoredExperimentCommand<ReLUSweepsExperiment>.self, ObservedCoordinatesCommand.self, GDFailureCommand.self,
            LossCurveExperimentCommand.self,
            StoredExperimentCommand<LabelNoiseExperiment>.self, OnlineCommand.self,
        ]
    )
}
