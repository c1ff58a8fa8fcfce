import Foundation

// The generator itself is ScalingAnalysis's; tests draw their random cases from it.
@_exported import ScalingAnalysis

/// Draws for random test cases, so that they are the same on every run.
extension SplitMix64 {
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in (0, 1): never 0 or 1, so its logarithm is finite.
    public mutating func openUnit() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// One element of `values`.
    public mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

    /// 10^u with u uniform in [lo, hi).
    public mutating func logUniform(_ lo: Double, _ hi: Double) -> Double { pow(10, lo + (hi - lo) * unit()) }
}
