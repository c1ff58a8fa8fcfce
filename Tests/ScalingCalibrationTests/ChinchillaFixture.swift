import Foundation
import ScalingCalibration

/// The Chinchilla table (Epoch AI's extraction of Hoffmann et al. 2022, Figure 4) kept in `Fixtures/`.
enum ChinchillaFixture {
    /// The fixture's path, found from this file's.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/chinchilla-figure4-epoch.csv")

    /// The 245 runs, D = C/(6N).
    static func table() throws -> RunTable {
        try RunTable(csv: String(contentsOf: url, encoding: .utf8), columns: .chinchilla)
    }
}
