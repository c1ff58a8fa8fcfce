import Foundation

/// The 256-layer ziggurat of a decreasing density f on [0, ∞) (Marsaglia & Tsang, 2000): 255
/// rectangles and a base strip with the tail beyond r, all of area A. A try draws a layer and an
/// abscissa in it; about 99% of tries land inside the curve and cost one table lookup and one
/// multiply. The published (r, A) close the top layer at f(0) = 1 to within 1e-10 relative.
struct Ziggurat: @unchecked Sendable {
    /// The standard normal's half density f(x) = exp(−x²/2).
    static let normal = Ziggurat(
        tailStart: 3.6541528853610088, layerArea: 4.92867323399e-3,
        density: { exp(-0.5 * $0 * $0) }, inverseDensity: { (-2 * log($0)).squareRoot() })
    /// The standard exponential density f(x) = exp(−x).
    static let exponential = Ziggurat(
        tailStart: 7.69711747013104972, layerArea: 3.949659822581572e-3,
        density: { exp(-$0) }, inverseDensity: { -log($0) })

    /// Number of layers.
    static let layers = 256

    /// r: where the tail starts.
    let tailStart: Double
    /// A: the common area of the layers.
    let layerArea: Double
    /// x_i: the width of layer i (x_0 = A/f(r) for the base layer, x_1 = r, …, x_256 = 0).
    let edges: UnsafeMutablePointer<Double>
    /// f(x_i), with f(x_256) = 1.
    let heights: UnsafeMutablePointer<Double>

    private init(
        tailStart r: Double, layerArea area: Double, density f: (Double) -> Double,
        inverseDensity inverse: (Double) -> Double
    ) {
        let n = Self.layers
        tailStart = r
        layerArea = area
        edges = .allocate(capacity: n + 1)
        heights = .allocate(capacity: n + 1)
        edges[0] = area / f(r)
        edges[1] = r
        for i in 1..<(n - 1) { edges[i + 1] = inverse(area / edges[i] + f(edges[i])) }
        edges[n] = 0
        for i in 0...n { heights[i] = f(edges[i]) }
    }

    /// The layer (low 8 bits) and the abscissa (top 53 bits) of a 64-bit draw; whether it is inside.
    @inline(__always)
    func candidate(_ bits: UInt64) -> (layer: Int, x: Double, inside: Bool) {
        let layer = Int(bits & 0xff)
        let x = Double(Int64(bitPattern: bits >> 11)) * 0x1p-53 * edges[layer]  // < 2⁵³: exact, one instruction
        return (layer, x, x < edges[layer + 1])
    }

    /// Whether a point at height uniform `u` ∈ (0, 1) in layer `layer` at abscissa x lies under f.
    func wedgeAccepts(layer: Int, x: Double, u: Double, density f: Double) -> Bool {
        heights[layer] + u * (heights[layer + 1] - heights[layer]) < f
    }
}
