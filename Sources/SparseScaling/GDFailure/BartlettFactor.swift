import LinearAlgebra

/// The lower-triangular Bartlett factor L of a Wishart_K(N, I/N) matrix W_Sᵀ W_S = L Lᵀ:
/// L_jj = √(χ²_{N−j}/N), L_ij ~ N(0, 1/N) for i > j, packed by rows. Its storage is reused by redraws.
struct BartlettFactor {
    private(set) var dimension = 0
    private var packed: [Double] = []

    /// Draws a new factor of size K = `dimension` for N = `degreesOfFreedom` ≥ K.
    mutating func draw(dimension k: Int, degreesOfFreedom n: Int, rng: inout RandomStream) {
        precondition(n >= k, "the Bartlett factor needs N ≥ K")
        dimension = k
        let count = k * (k + 1) / 2
        if packed.count < count { packed = [Double](repeating: 0, count: count) }
        let scale = 1 / Double(n).squareRoot()
        packed.withUnsafeMutableBufferPointer { l in
            var e = 0
            for i in 0..<k {
                rng.fillNormals(l.baseAddress! + e, count: i)
                for j in e..<(e + i) { l[j] *= scale }
                e += i
                l[e] = (rng.chiSquare(degreesOfFreedom: Double(n - i)) / Double(n)).squareRoot()
                e += 1
            }
        }
    }

    /// x ← L x.
    func multiply(_ x: UnsafeMutableBufferPointer<Double>) {
        packed.withUnsafeBufferPointer { BLAS.multiplyPackedLower(.none, dimension: dimension, $0.baseAddress!, x.baseAddress!) }
    }

    /// x ← Lᵀ x.
    func multiplyTransposed(_ x: UnsafeMutableBufferPointer<Double>) {
        packed.withUnsafeBufferPointer { BLAS.multiplyPackedLower(.transposed, dimension: dimension, $0.baseAddress!, x.baseAddress!) }
    }
}
