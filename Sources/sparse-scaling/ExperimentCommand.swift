import ArgumentParser

/// `sparse-scaling experiment`: the paper's named experiments, each writing the data behind a figure.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run one of the paper's experiments and write its data (CSV and JSON).",
        subcommands: [LinearSweepsCommand.self, CollapseCommand.self, FrontierCommand.self, ObservedCoordinatesCommand.self, ModelRichLossCommand.self]
    )
}
