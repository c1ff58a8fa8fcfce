import Foundation

/// One row of the results database: a configuration, a seed, what it measured, and provenance.
public struct StoredPoint: Codable, Hashable, Sendable {
    /// The simulated configuration.
    public var configuration: PointConfiguration
    /// The RNG seed (stored in SQL as the Int64 with the same bit pattern).
    public var seed: UInt64
    /// The measurements.
    public var result: PointResult
    /// Version of the tool that produced the row.
    public var toolVersion: String
    /// When the row was produced (stored with millisecond precision, UTC).
    public var createdAt: Date
    /// The run this row belongs to (e.g. `sweep`, `linear-sweeps`); not part of the configuration or its key.
    /// `nil` for rows written before tags existed.
    public var tag: String?

    /// Creates a row; `createdAt` defaults to now.
    public init(
        configuration: PointConfiguration, seed: UInt64, result: PointResult,
        toolVersion: String, createdAt: Date = Date(), tag: String? = nil
    ) {
        self.tag = tag
        self.configuration = configuration
        self.seed = seed
        self.result = result
        self.toolVersion = toolVersion
        self.createdAt = createdAt
    }
}
