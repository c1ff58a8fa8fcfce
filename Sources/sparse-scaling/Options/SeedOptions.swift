import ArgumentParser
import Foundation
import ResultsStore
import SparseScaling

/// The `--seeds` flag: how many seeds each point is measured with.
struct SeedOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seeds per point, 1…100000 (data, embedding and teacher redrawn per seed).")
    var seeds: Int = 4

    @Option(parsing: .unconditional, help: "First seed; seeds are first-seed, first-seed+1, ….")
    var firstSeed: UInt64 = 0

    mutating func validate() throws {
        guard (1...100_000).contains(seeds) else {
            throw ValidationError("invalid value '\(seeds)' for --seeds: expected an integer from 1 to 100000")
        }
    }

    /// The seed list.
    var list: [UInt64] { (0..<UInt64(seeds)).map { firstSeed &+ $0 } }
}
