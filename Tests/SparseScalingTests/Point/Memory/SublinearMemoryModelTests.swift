import Foundation
import Testing
@testable import SparseScaling
import ScalingTheory

/// The counts behind the sublinear point's memory estimate against the sampler and the sparse factor
/// themselves: the distinct supports of the touched samples (`TouchedSupportCount`), the sparse
/// factor's hub count and its per-component hub moments (`MemoryEstimate.factorHubMomentBytes`).
@Suite struct SublinearMemoryModelTests {
    @Test(arguments: [(2.0, 1_000_000), (2.0, 4_000_000), (1.5, 1_000_000), (3.0, 4_000_000)])
    func supportsAndHubMomentsBoundTheMeasuredOnes(beta: Double, sampleCount: Int) throws {
        let parameters = try DataParameters(alpha: 0, beta: beta)
        var supports: [Double] = [], hubs: [Int] = [], moments: [Double] = [], observed: [Double] = []
        for seed in 0..<3 {
            let sampler = SublinearSampler(parameters: parameters, seed: UInt64(seed), sampleCount: sampleCount)
            let set = try SublinearTrainingSet(sampler: sampler, sampleCount: sampleCount)
            supports.append(Double(set.supportCount))
            observed.append(Double(set.observedCount))
            let blocks = try SparseMomentBlocks(set.columns)
            hubs.append(blocks.hubCount)
            let h = Double(blocks.hubCount)
            moments.append(8 * (Double(blocks.hubGramValues.count) + 2 * Double(blocks.couplingInput.count)) + 3 * 8 * h * h)
        }
        let sampler = SublinearSampler(parameters: parameters, seed: 0, sampleCount: sampleCount)
        let expected = TouchedSupportCount.expected(parameters: parameters, sampleCount: sampleCount, hubCount: sampler.hubCount)
        let k = observed.reduce(0, +) / 3
        let hubCount = MemoryEstimate.expectedFactorHubCount(parameters, sampleCount: sampleCount, observed: k)
        let bytes = MemoryEstimate.factorHubMomentBytes(parameters, sampleCount: sampleCount, observed: k)
        let mean = { (x: [Double]) in x.reduce(0, +) / Double(x.count) }
        // Supports: an upper estimate of the mean, within 2× of it.
        #expect(expected >= mean(supports) && expected <= 2 * mean(supports), "supports \(supports), expected \(expected)")
        // Hub count: never below the one chosen (it sizes the h × h Schur complement).
        #expect(hubCount >= hubs.max()!, "hubs \(hubs), expected \(hubCount)")
        // Hub moments: never below the measured bytes, and within 3× of them (or 1 MiB when they are tiny).
        #expect(bytes >= moments.max()!, "moments \(moments), expected \(bytes)")
        #expect(bytes <= max(3 * mean(moments), 1_048_576), "moments \(moments), expected \(bytes)")
    }
}
