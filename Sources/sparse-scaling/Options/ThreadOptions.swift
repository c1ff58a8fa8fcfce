import ArgumentParser
import SparseScaling

/// `--threads`: how many points are measured at once (results do not depend on it).
struct ThreadOptions: ParsableArguments {
    @Option(name: .customLong("threads"), parsing: .unconditional,
            help: "Worker threads, 1…256. Default: the number of cores. Results do not depend on it.",
            transform: NumberArgument.whole(in: 1...256, expected: "an integer from 1 to 256"))
    var requested: Int?

    /// The threads to use.
    var threads: Int { requested ?? ParallelChunks.defaultThreads }
}
