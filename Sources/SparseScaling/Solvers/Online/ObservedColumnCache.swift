/// The embedding columns W_i and teacher weights w*_i of the coordinates seen so far, drawn on
/// demand from their counter-based streams the first time a coordinate is active and kept in order
/// of first appearance (no D × N or M × N matrix ever exists). Lookup is an array for indices below
/// 2²², a dictionary above.
final class ObservedColumnCache {
    /// N, the column length.
    let featureCount: Int
    /// The coordinates in order of first appearance (1-based).
    private(set) var coordinates: [Int] = []
    /// w*_i in the same order.
    private(set) var teacherWeights: [Double] = []
    /// Column j of the cache at `columns + j·N`.
    private(set) var columns: UnsafeMutablePointer<Double>
    private var capacity: Int
    private var smallSlots: [Int32]
    private var largeSlots: [Int: Int32] = [:]
    private let embedding: RandomEmbedding
    private let teacher: Teacher
    private static let smallLimit = 1 << 22

    /// An empty cache for the embedding and teacher of `seed` with N = `featureCount`; `limit`
    /// bounds the coordinate indices handled by the array lookup (M + 1 for finite M).
    init(featureCount: Int, seed: UInt64, limit: Int) {
        self.featureCount = featureCount
        embedding = RandomEmbedding(featureCount: featureCount, seed: seed)
        teacher = Teacher(seed: seed)
        capacity = 64
        columns = .allocate(capacity: capacity * featureCount)
        smallSlots = [Int32](repeating: -1, count: min(Self.smallLimit, limit))
    }

    deinit { columns.deallocate() }

    /// K_t = |S_t|.
    var count: Int { coordinates.count }

    /// The slot of coordinate `index`, drawing its column and teacher weight if it is new.
    @inline(__always)
    func slot(_ index: Int) -> Int {
        if index < smallSlots.count {
            let s = smallSlots[index]
            if s >= 0 { return Int(s) }
        } else if let s = largeSlots[index] {
            return Int(s)
        }
        return insert(index)
    }

    @inline(never)
    private func insert(_ index: Int) -> Int {
        let j = coordinates.count
        if j == capacity {
            let grown = UnsafeMutablePointer<Double>.allocate(capacity: 2 * capacity * featureCount)
            grown.update(from: columns, count: capacity * featureCount)
            columns.deallocate()
            columns = grown
            capacity *= 2
        }
        embedding.fillColumn(index, into: UnsafeMutableBufferPointer(start: columns + j * featureCount, count: featureCount))
        coordinates.append(index)
        teacherWeights.append(teacher.weight(index))
        if index < smallSlots.count { smallSlots[index] = Int32(j) } else { largeSlots[index] = Int32(j) }
        return j
    }
}
