import ArgumentParser
import SparseScaling

/// `--threads`: how many points are measured at once (results do not depend on it).
struct ThreadOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Points measured at once, 1…256. Default: the number of cores. Results do not depend on it.")
    var threads: Int = ParallelChunks.defaultThreads

    mutating func validate() throws {
        guard (1...256).contains(threads) else {
            throw ValidationError("invalid value '\(threads)' for --threads: expected an integer from 1 to 256")
        }
    }
}
