import Foundation

/// What a stream of random numbers is used for; each purpose has its own counter space, so the
/// data, the embedding and the teacher of one seed are independent and separately addressable.
public enum StreamPurpose: UInt32, Sendable {
    case trainingData = 1
    case embedding = 2
    case teacher = 3
    case testData = 4
    case labelNoise = 5
    case replicate = 6
    case minibatch = 7
    case bootstrap = 8
    /// The sublinear sampler's touched samples, one stream per block of samples.
    case touchedData = 9
    /// The sublinear sampler's untouched samples, aggregated by hub pattern.
    case hubPatterns = 10
    /// The label noise z ~ N(0, I_r) of the reduced space (docs/theory.md §7.1), drawn once per training set.
    case reducedLabelNoise = 11
}

/// A sequential stream of uniform and normal variates at the address (seed, purpose, index):
/// the same address always yields the same numbers, whatever thread or order draws them.
public struct RandomStream: Sendable {
    private let generator: Philox4x32
    private let purpose: UInt32
    private let indexLow: UInt32
    private let indexHigh: UInt32
    private var blockCounter: UInt32 = 0
    /// Words of the current blocks: one block after the first refill (short streams are common), then
    /// eight at a time.
    private var buffer = SIMD32<UInt32>()
    private var available = 0
    private var used = 0

    /// The stream for `purpose` and `index` (a sample number, a coordinate number, …) under `seed`.
    public init(seed: UInt64, purpose: StreamPurpose, index: UInt64) {
        generator = Philox4x32(seed: seed)
        self.purpose = purpose.rawValue
        indexLow = UInt32(truncatingIfNeeded: index)
        indexHigh = UInt32(truncatingIfNeeded: index >> 32)
    }

    /// The next 32 random bits.
    @inline(__always)
    public mutating func next32() -> UInt32 {
        if used == available { refill() }
        defer { used &+= 1 }
        return withUnsafeBytes(of: &buffer) { $0.load(fromByteOffset: used &* 4, as: UInt32.self) }
    }

    /// The next 64 random bits (two 32-bit words, the first in the high half).
    @inline(__always)
    public mutating func next64() -> UInt64 {
        guard used &+ 2 <= available else { return UInt64(next32()) << 32 | UInt64(next32()) }
        defer { used &+= 2 }
        let pair = withUnsafeBytes(of: &buffer) { $0.loadUnaligned(fromByteOffset: used &* 4, as: UInt64.self) }
        return UInt64(littleEndian: pair).rotated32()
    }

    @inline(never)
    mutating func refill() {
        let count = blockCounter == 0 ? 1 : 8
        let counter = (blockCounter, indexLow, indexHigh, purpose)
        withUnsafeMutableBytes(of: &buffer) {
            generator.blocks(counter, count: count, into: $0.baseAddress!.assumingMemoryBound(to: UInt32.self))
        }
        available = 4 * count
        blockCounter &+= UInt32(count)
        used = 0
    }

    /// Whether the drawn blocks are all used (the next word starts a new block).
    @inline(__always)
    var atBlockBoundary: Bool { used == available }

    /// Lets `body` draw from the stream in bulk (`BulkDraws`, blocks drawn up to `chunkBlocks` at a
    /// time), from a block boundary; the stream then continues after the last word `body` used.
    mutating func withBulkDraws<T>(chunkBlocks: Int, _ body: (inout BulkDraws) -> T) -> T {
        precondition(used == available && chunkBlocks > 0, "bulk draws start at a block boundary")
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 4 * chunkBlocks) { words in
            var bulk = BulkDraws(
                generator: generator, counter: (blockCounter, indexLow, indexHigh, purpose), words: words.baseAddress!,
                capacity: chunkBlocks)
            let result = body(&bulk)
            let whole = bulk.used / 4, rest = bulk.used % 4
            blockCounter = bulk.chunkStart &+ UInt32(whole)
            if rest == 0 {
                available = 0
                used = 0
            } else {
                // The partly used block stays in the buffer; the chunk's later blocks are drawn again.
                withUnsafeMutableBytes(of: &buffer) {
                    $0.baseAddress!.copyMemory(from: bulk.words + 4 * whole, byteCount: 16)
                }
                available = 4
                used = rest
                blockCounter &+= 1
            }
            return result
        }
    }

    /// A uniform variate in the open interval (0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        (Double(next64() >> 11) + 0.5) * 0x1p-53
    }
}

extension UInt64 {
    /// The two 32-bit halves swapped.
    @inline(__always)
    fileprivate func rotated32() -> UInt64 { self << 32 | self >> 32 }
}

/// A stream's words drawn a chunk of blocks at a time into caller-provided storage (see
/// `RandomStream.withBulkDraws`): the same words, in the same order, as the stream's own draws.
struct BulkDraws {
    private let generator: Philox4x32
    private var counter: (UInt32, UInt32, UInt32, UInt32)
    /// The chunk's words.
    let words: UnsafeMutablePointer<UInt32>
    /// Most blocks per chunk.
    private let capacity: Int
    /// Counter of the chunk's first block.
    private(set) var chunkStart: UInt32
    /// Words in the chunk, and words of it used.
    private(set) var available = 0, used = 0

    init(generator: Philox4x32, counter: (UInt32, UInt32, UInt32, UInt32), words: UnsafeMutablePointer<UInt32>, capacity: Int) {
        self.generator = generator
        self.counter = counter
        self.words = words
        self.capacity = capacity
        chunkStart = counter.0
    }

    /// The next 64 bits (as `RandomStream.next64`); a new chunk holds about `expected` more draws.
    @inline(__always)
    mutating func next64(expecting expected: Int) -> UInt64 {
        if used == available { refill(blocks: min(capacity, max(1, (expected + 1) / 2))) }
        defer { used &+= 2 }
        return UInt64(words[used]) << 32 | UInt64(words[used &+ 1])
    }

    /// Lets `body` take draws from the unused ones of the current chunk (their words, and how many
    /// draws there are); `body` returns how many it took, from the first.
    @inline(__always)
    mutating func consumeDraws(_ body: (UnsafePointer<UInt32>, Int) -> Int) {
        let taken = body(UnsafePointer(words + used), (available - used) / 2)
        used += 2 * taken
    }

    /// A uniform variate in (0, 1), as `RandomStream.uniform`.
    @inline(__always)
    mutating func uniform() -> Double {
        (Double(Int64(bitPattern: next64(expecting: 1) >> 11)) + 0.5) * 0x1p-53
    }

    @inline(never)
    private mutating func refill(blocks: Int) {
        chunkStart = counter.0
        generator.blocks(counter, count: blocks, into: words)
        counter.0 &+= UInt32(blocks)
        available = 4 * blocks
        used = 0
    }
}
