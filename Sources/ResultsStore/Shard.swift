import Foundation

/// One of `count` disjoint parts of a sweep's work items, selected by a stable hash of (configuration key, seed).
///
/// The shards `1/n … n/n` partition every set of items exactly, on every machine and in every process.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 1-based index of this shard, 1 ≤ index ≤ count.
    public let index: Int
    /// Number of shards.
    public let count: Int

    /// The single shard that holds all work.
    public static let all = Shard(validIndex: 1, count: 1)

    /// Creates shard `index` of `count`; throws ``StoreError/invalidShard(_:)`` unless 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw StoreError.invalidShard("the shard count must be at least 1, got \(count)") }
        guard (1...count).contains(index) else {
            throw StoreError.invalidShard("the shard index must be between 1 and \(count), got \(index)")
        }
        self.init(validIndex: index, count: count)
    }

    /// Parses "k/n" (e.g. "2/8"); throws ``StoreError/invalidShard(_:)`` with the allowed form otherwise.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let count = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else {
            throw StoreError.invalidShard("\"\(text)\" is not of the form k/n, e.g. 2/8")
        }
        try self.init(index: index, count: count)
    }

    private init(validIndex: Int, count: Int) {
        self.index = validIndex
        self.count = count
    }

    /// Whether the work item (configuration key, seed) belongs to this shard.
    public func contains(key: String, seed: UInt64) -> Bool {
        Int(StableHash.workItem(key: key, seed: seed) % UInt64(count)) + 1 == index
    }

    /// Whether the work item (configuration, seed) belongs to this shard.
    public func contains(_ configuration: PointConfiguration, seed: UInt64) -> Bool {
        contains(key: configuration.key, seed: seed)
    }

    /// The shard as "k/n".
    public var description: String { "\(index)/\(count)" }
}
