/// The teacher w* ~ N(0, I_M), each entry addressable on demand for any coordinate index.
public struct Teacher: Sendable {
    /// The seed shared by data, embedding and teacher.
    public let seed: UInt64

    /// The teacher of `seed`.
    public init(seed: UInt64) { self.seed = seed }

    /// The weight w*_i of coordinate `index` (1-based).
    public func weight(_ index: Int) -> Double {
        var rng = RandomStream(seed: seed, purpose: .teacher, index: UInt64(index))
        return rng.normal()
    }

    /// The weights of several coordinates.
    public func weights(_ indices: [Int]) -> [Double] { indices.map(weight) }
}
