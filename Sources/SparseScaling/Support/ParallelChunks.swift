import Foundation
import ScalingAnalysis

/// Splits index ranges into fixed chunks and runs them on several threads. The chunking depends
/// only on the work size, never on the thread count, so results assembled per chunk are identical
/// whatever the number of threads.
public enum ParallelChunks {
    /// Default number of worker threads: the machine's active processor count.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The fixed chunk ranges covering 0..<count, each at most `chunkSize` long.
    public static func ranges(count: Int, chunkSize: Int) -> [Range<Int>] {
        precondition(chunkSize > 0)
        return stride(from: 0, to: count, by: chunkSize).map { $0..<min(count, $0 + chunkSize) }
    }

    /// Computes `body` for every chunk on up to `threads` threads and returns the results in chunk order.
    public static func map<T: Sendable>(
        count: Int, chunkSize: Int, threads: Int, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        let chunks = ranges(count: count, chunkSize: chunkSize)
        let results = ResultSlots<T>(count: chunks.count)
        let workers = max(1, min(threads, chunks.count))
        if workers == 1 {
            for (i, r) in chunks.enumerated() { results.set(i, body(r)) }
        } else {
            let next = AtomicCounter()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.increment()
                    if i >= chunks.count { break }
                    results.set(i, body(chunks[i]))
                }
            }
        }
        return results.values
    }
}

/// A shared counter handing out work indices.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let v = value
        value += 1
        return v
    }
}
