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
}

/// A sequential stream of uniform and normal variates at the address (seed, purpose, index):
/// the same address always yields the same numbers, whatever thread or order draws them.
public struct RandomStream: Sendable {
    private let generator: Philox4x32
    private let purpose: UInt32
    private let indexLow: UInt32
    private let indexHigh: UInt32
    private var blockCounter: UInt32 = 0
    private var buffer: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    private var used = 4
    private var spareNormal: Double? = nil

    /// The stream for `purpose` and `index` (a sample number, a coordinate number, …) under `seed`.
    public init(seed: UInt64, purpose: StreamPurpose, index: UInt64) {
        generator = Philox4x32(seed: seed)
        self.purpose = purpose.rawValue
        indexLow = UInt32(truncatingIfNeeded: index)
        indexHigh = UInt32(truncatingIfNeeded: index >> 32)
    }

    /// The next 32 random bits.
    public mutating func next32() -> UInt32 {
        if used == 4 { refill() }
        defer { used += 1 }
        switch used {
        case 0: return buffer.0
        case 1: return buffer.1
        case 2: return buffer.2
        default: return buffer.3
        }
    }

    mutating func refill() {
        buffer = generator.block((blockCounter, indexLow, indexHigh, purpose))
        blockCounter &+= 1
        used = 0
    }

    /// A uniform variate in the open interval (0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        let hi = UInt64(next32()) << 21
        let lo = UInt64(next32() >> 11)
        return (Double(hi | lo) + 0.5) * 0x1p-53
    }

    /// A standard normal variate (Box–Muller; the second variate of each pair is kept for the next call).
    public mutating func normal() -> Double {
        if let z = spareNormal {
            spareNormal = nil
            return z
        }
        let u1 = uniform()
        let u2 = uniform()
        let r = (-2 * log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spareNormal = r * sin(theta)
        return r * cos(theta)
    }
}

extension RandomStream {
    /// Two independent standard normal variates by Marsaglia's polar method on 32-bit uniforms: cheaper
    /// than two `normal()` calls (no trigonometry) for bulk Gaussian noise, tails resolved to about 9σ.
    /// A different sequence from `normal()` for the same stream.
    public mutating func fastNormalPair() -> (Double, Double) {
        while true {
            let u = Double(next32()) * 0x1p-31 - 1 + 0x1p-32
            let v = Double(next32()) * 0x1p-31 - 1 + 0x1p-32
            let s = u * u + v * v
            if s < 1 && s > 0 {
                let f = (-2 * log(s) / s).squareRoot()
                return (u * f, v * f)
            }
        }
    }
}
