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
    /// The label noise z ~ N(0, I_r) of the reduced space (MODEL.md §7.1), drawn once per training set.
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

    /// Draws the next `count` blocks at once (at a block boundary) and lets `body` take words from
    /// their start: `body` returns how many it used (an even number), and the stream continues after them.
    @inline(__always)
    mutating func consumeBlocks(_ count: Int, _ body: (UnsafePointer<UInt32>) -> Int) {
        precondition(used == available && count > 0, "bulk draws start at a block boundary")
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 4 * count) { words in
            let start = words.baseAddress!
            generator.blocks((blockCounter, indexLow, indexHigh, purpose), count: count, into: start)
            let consumed = body(UnsafePointer(start))
            let whole = consumed / 4, rest = consumed % 4
            blockCounter &+= UInt32(whole)
            if rest == 0 {
                available = 0
                used = 0
            } else {
                // The partly used block stays in the buffer.
                withUnsafeMutableBytes(of: &buffer) {
                    $0.baseAddress!.copyMemory(from: start + 4 * whole, byteCount: 16)
                }
                available = 4
                used = rest
                blockCounter &+= 1
            }
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
