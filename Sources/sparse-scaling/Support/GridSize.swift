import ArgumentParser

/// The guard against grids far larger than meant (a range factor of 1.0000001 gives thousands of points).
enum GridSize {
    /// Grids with more points than this need `--yes`.
    static let confirmationThreshold = 1000

    /// Throws a usage error naming `flags` when `points` exceeds the threshold and `yes` is not given.
    static func confirm(points: Int, flags: String, yes: Bool) throws {
        guard points > confirmationThreshold, !yes else { return }
        throw ValidationError("\(flags) give a grid of \(points) points, over \(confirmationThreshold): check the range factor, or give --yes to run it")
    }
}
