import ArgumentParser
import Foundation
import ResultsStore
import SparseScaling

/// The `--seeds` flag: how many seeds each point is measured with.
struct SeedOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seeds per point, \(SeedCount.rangeText) (data, embedding and teacher redrawn per seed). Default 4.",
            transform: SeedCount.parse)
    var seeds: Int = 4

    @Option(parsing: .unconditional, help: "First seed; seeds are first-seed, first-seed+1, …, an integer in 0…2^64−1. Default 0.",
            transform: NumberArgument.seed(expected: "an integer in 0…2^64−1"))
    var firstSeed: UInt64 = 0

    /// The seed list.
    var list: [UInt64] { (0..<UInt64(seeds)).map { firstSeed &+ $0 } }
}

/// The one range of `--seeds` in every command.
enum SeedCount {
    /// Seeds per point allowed.
    static let range = 1...100_000
    /// The range in words, for help and messages.
    static let rangeText = "1…100000"
    /// The transform of `--seeds`.
    static let parse = NumberArgument.whole(in: range, expected: "an integer from 1 to 100000")
}
