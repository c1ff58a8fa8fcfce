import Foundation
import ScalingTheory

/// Where a simulated table of runs sits in the (N, D) plane: a data-rich N-sweep at one large D and a
/// model-rich D-sweep at one large N, both kept a stated factor away from the double-descent peak N ≈ E[K(D)]
/// (docs/theory.md §4), where the simulator's L(N, D) is the additive law E + A/N^a + B/D^b with E = 0,
/// a = α + β, b = (α + β)/β (docs/calibrate.md, "Calibrating simulated tables").
public struct SimulatedTableDesign: Sendable, Codable, Hashable {
    /// α, β (β > 1, M = ∞).
    public var parameters: DataParameters
    /// The model sizes of the data-rich sweep.
    public var dataRichFeatureCounts: [Int]
    /// D of the data-rich sweep.
    public var dataRichSampleCount: Int
    /// The data sizes of the model-rich sweep.
    public var modelRichSampleCounts: [Int]
    /// N of the model-rich sweep.
    public var modelRichFeatureCount: Int

    /// The smallest ratio E[K(D)]/N the standard design keeps on the data-rich side.
    public static let dataRichClearanceTarget = 8.0
    /// The smallest ratio N/E[K(D)] on the model-rich side: there the loss carries the factor
    /// (N − 1)/(N − 1 − r) ≈ 1 + E[K(D)]/N (docs/theory.md §6.1), which grows along the D-sweep and would lower
    /// the fitted b by about (1/ratio)/ln(4096/32), 0.006 at 32.
    public static let modelRichClearanceTarget = 32.0
    /// Runs per sweep of the standard design.
    public static let runsPerSweep = 12

    /// A design from its sweeps.
    public init(parameters: DataParameters, dataRichFeatureCounts: [Int], dataRichSampleCount: Int,
                modelRichSampleCounts: [Int], modelRichFeatureCount: Int) {
        self.parameters = parameters
        self.dataRichFeatureCounts = dataRichFeatureCounts
        self.dataRichSampleCount = dataRichSampleCount
        self.modelRichSampleCounts = modelRichSampleCounts
        self.modelRichFeatureCount = modelRichFeatureCount
    }

    /// The standard design at (α, β), `calibrate-coverage`'s: N from 8 to 64 at the smallest power-of-two D with
    /// E[K(D)] ≥ 8·64, and D from 32 to 4096 at the smallest power-of-two N ≥ 32·E[K(4096)]; 12 log-spaced sizes per sweep.
    public static func standard(parameters: DataParameters) -> SimulatedTableDesign {
        cleared(parameters: parameters, featureCounts: (8, 64), sampleCounts: (32, 4096), runsPerSweep: runsPerSweep)
    }

    /// A smaller design with the same clearances, for the default test tier (about 20× cheaper to simulate): N from
    /// 4 to 16, D from 16 to 256, 8 sizes per sweep. Its data-rich sweep sits deeper in the finite-N correction
    /// (at (α, β) = (0, 2) the deterministic equivalent's mean local slope in N is 0.90·a over 4…16 and 0.96·a over
    /// 8…64, docs/calibrate.md).
    public static func quick(parameters: DataParameters) -> SimulatedTableDesign {
        cleared(parameters: parameters, featureCounts: (4, 16), sampleCounts: (16, 256), runsPerSweep: 8)
    }

    /// The sweeps over `featureCounts` and `sampleCounts` (log-spaced, `runsPerSweep` each) at the smallest
    /// power-of-two D and N that keep the stated clearances from the peak.
    static func cleared(parameters: DataParameters, featureCounts n: (Int, Int), sampleCounts d: (Int, Int), runsPerSweep: Int) -> SimulatedTableDesign {
        var dataRichD = 1
        while parameters.expectedObservedCoordinates(sampleCount: Double(dataRichD)) < dataRichClearanceTarget * Double(n.1) { dataRichD *= 2 }
        var modelRichN = 1
        while Double(modelRichN) < modelRichClearanceTarget * parameters.expectedObservedCoordinates(sampleCount: Double(d.1)) { modelRichN *= 2 }
        return SimulatedTableDesign(
            parameters: parameters, dataRichFeatureCounts: logSpaced(from: n.0, to: n.1, count: runsPerSweep),
            dataRichSampleCount: dataRichD, modelRichSampleCounts: logSpaced(from: d.0, to: d.1, count: runsPerSweep),
            modelRichFeatureCount: modelRichN)
    }

    /// `count` integers log-spaced from `low` to `high` (rounded, distinct for the ranges used here).
    static func logSpaced(from low: Int, to high: Int, count: Int) -> [Int] {
        (0..<count).map { k in Int((Double(low) * pow(Double(high) / Double(low), Double(k) / Double(count - 1))).rounded()) }
    }

    /// Every (N, D) of the table: the data-rich sweep, then the model-rich one.
    public var sizes: [(featureCount: Int, sampleCount: Int)] {
        dataRichFeatureCounts.map { ($0, dataRichSampleCount) } + modelRichSampleCounts.map { (modelRichFeatureCount, $0) }
    }

    /// E[K(D)] / largest N of the data-rich sweep: how far below the peak it stays.
    public var dataRichClearance: Double {
        parameters.expectedObservedCoordinates(sampleCount: Double(dataRichSampleCount)) / Double(dataRichFeatureCounts.max()!)
    }

    /// N / E[K(largest D)] of the model-rich sweep: how far above the peak it stays.
    public var modelRichClearance: Double {
        Double(modelRichFeatureCount) / parameters.expectedObservedCoordinates(sampleCount: Double(modelRichSampleCounts.max()!))
    }
}
