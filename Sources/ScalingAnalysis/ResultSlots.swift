import Foundation

/// Slots that worker threads fill in parallel, each index written by exactly one worker, read in index order.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    /// `count` empty slots.
    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// Writes slot `index`.
    public func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

    /// Slot `index` (nil until written).
    public subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// The values in index order (every slot must have been written).
    public var values: [Value] { lock.withLock { storage.map { $0! } } }
}
