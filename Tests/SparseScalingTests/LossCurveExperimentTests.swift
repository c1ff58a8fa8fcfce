import Foundation
import ResultsStore
import Testing
@testable import SparseScaling

/// `experiment curve` at toy sizes: every N gets a measurement and a prediction, the errors are those
/// of the points outside the peak band, and the verdict rows fail when the prediction is off.
@Suite struct LossCurveExperimentTests {
    static func toyConfiguration() -> LossCurveExperiment.Configuration {
        var c = LossCurveExperiment.Configuration.preset(.quick)
        c.settings = [.init(alpha: -0.3, beta: 2.5, dataSize: 512), .init(alpha: 0.3, beta: 3, dataSize: 512)]
        c.modelSizes = [8, 16, 32, 64, 128, 256, 1024, 4096]
        c.seeds = 12
        return c
    }

    @Test func measuresPredictsAndJudges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loss-curve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let runner = MeasurementRunner(store: try ResultsStore(path: folder.appendingPathComponent("s.sqlite").path), threads: 2)
        let result = try LossCurveExperiment.run(configuration: Self.toyConfiguration(), runner: runner)
        #expect(result.curves.count == 2)
        for curve in result.curves {
            #expect(curve.points.map(\.n) == [8, 16, 32, 64, 128, 256, 1024, 4096])
            #expect(curve.points.allSatisfy { $0.seeds == 12 && $0.measuredQuantile10 <= $0.measuredMedian && $0.measuredMedian <= $0.measuredQuantile90 })
            let outside = curve.points.filter { $0.predicted.region != .peakBand }
            #expect(curve.outsideBand.points == outside.count && outside.count >= 4)
            #expect(curve.points.filter { $0.predicted.region == .peakBand }.allSatisfy { $0.relativeError == nil })
            // The errors are the points' own |pred/meas − 1|.
            let errors = outside.map { abs($0.predicted.mean! / $0.measuredMean - 1) }
            #expect(curve.outsideBand.maximum == errors.max())
            #expect(curve.under.points + curve.over.points == curve.outsideBand.points)
        }
        let rows = result.comparisonRows
        #expect(rows.count >= 4 && rows.allSatisfy { $0.verdict != .notMeasured })

        // A prediction 30% off everywhere must fail both tolerances.
        let shifted = result.curves.map { curve in
            LossCurveResult.Curve(setting: curve.setting, points: curve.points.map { p in
                let q = p.predicted
                return LossCurveResult.Point(copying: p, predicted: PredictedLossPoint(
                    modelSize: q.modelSize, dataSize: q.dataSize, mean: q.mean.map { 1.3 * $0 }, median: q.median,
                    quantile10: q.quantile10, quantile90: q.quantile90, method: q.method, region: q.region))
            })
        }
        let bad = LossCurveResult(configuration: result.configuration, curves: shifted).comparisonRows
        #expect(bad.filter { $0.quantity.contains("|pred/meas − 1|") }.allSatisfy { $0.verdict == .disagree })

        let files = try ExperimentWriter.write(result, to: folder)
        #expect(Set(files.map(\.lastPathComponent)).isSuperset(of: ["loss-curve.csv", "loss-curve.json"]))
        let svg = LossCurveFigure.figure(result).svg()
        #expect(svg.contains("<svg") && !svg.contains("NaN") && svg.contains("predicted median"))
        #expect(!result.summaryText().contains("nan"))
    }
}
