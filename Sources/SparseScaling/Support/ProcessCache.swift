import Foundation

/// A process-wide cache of values that are costly to build and shared by many samplers (tables by
/// their parameters): built on first use under a lock, emptied when it holds `capacity` values.
final class ProcessCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    /// Values held before the cache is emptied.
    let capacity: Int
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    /// An empty cache holding at most `capacity` values.
    init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`, built by `build` on first use (outside the lock).
    func value(for key: Key, build: () -> Value) -> Value {
        if let value = lock.withLock({ values[key] }) { return value }
        let value = build()
        lock.withLock {
            if values.count >= capacity { values.removeAll() }
            values[key] = value
        }
        return value
    }
}
