import ArgumentParser
import SparseScaling

/// The `sparse-scaling` command line: simulate, measure and explain scaling laws under sparse features.
@main
struct SparseScalingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparse-scaling",
        abstract: "Simulate, measure and explain neural scaling laws under sparse features.",
        subcommands: [TheoryCommand.self]
    )
}
