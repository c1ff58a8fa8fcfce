import Foundation
import SparseScaling

/// The losses of one point over many seeds under the per-sample and the sublinear sampler (disjoint
/// seeds), and the two-sample z statistic of their means: both samplers give the loss the same law, so
/// |z| < 3 is expected.
package struct SamplerAgreement: Sendable, Codable {
    /// Seeds per sampler.
    package var seeds: Int
    /// Mean and standard error of the loss under the per-sample sampler.
    package var perSampleMean: Double, perSampleStandardError: Double
    /// Mean and standard error of the loss under the sublinear sampler.
    package var sublinearMean: Double, sublinearStandardError: Double

    /// (mean₁ − mean₂) / √(SE₁² + SE₂²).
    package var z: Double {
        (perSampleMean - sublinearMean)
            / (perSampleStandardError * perSampleStandardError + sublinearStandardError * sublinearStandardError).squareRoot()
    }

    /// Evaluates `specification` on seeds 0…`seeds`−1 with the per-sample sampler and on seeds
    /// `seeds`…2·`seeds`−1 with the sublinear one.
    package init(_ specification: PointSpecification, seeds: Int) throws {
        precondition(seeds >= 2)
        func losses(_ sampler: SamplerVersion, offset: Int) throws -> [Double] {
            var spec = specification
            spec.sampler = sampler
            return try (0..<seeds).map { try PointEvaluator.evaluate(spec.withSeed(UInt64(offset + $0))).loss }
        }
        func meanAndError(_ x: [Double]) -> (Double, Double) {
            let n = Double(x.count), mean = x.reduce(0, +) / n
            let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            return (mean, (variance / n).squareRoot())
        }
        self.seeds = seeds
        (perSampleMean, perSampleStandardError) = meanAndError(try losses(.perSample, offset: 0))
        (sublinearMean, sublinearStandardError) = meanAndError(try losses(.sublinear, offset: seeds))
    }
}
