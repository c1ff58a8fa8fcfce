import Foundation
import Testing
import SVGPlot
@testable import SparseScaling

/// The heavy-tail flag and the median statistics of measured points, on synthetic losses.
@Suite struct HeavyTailTests {
    let parameters = try! DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)

    func point(n: Int, d: Int, losses: [Double], data: DataKind = .sparse, features: FeatureMap = .linear, ridge: Double = 0) throws -> MeasuredPoint {
        let p = data == .dense ? try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(256)) : parameters
        var spec = PointSpecification(parameters: p, featureCount: n, sampleCount: d, data: data)
        spec.features = features
        spec.ridge = ridge
        return MeasuredPoint(specification: spec, losses: losses, meanObservedCoordinates: 0, meanSeconds: 0)
    }

    @Test func peakBandRuleIsLossCurvePredictorsRegion() throws {
        for d in [64, 1024, 16384] {
            let predictor = try LossCurvePredictor(parameters: parameters, sampleCount: d)
            let k = predictor.rankLaw.mean
            var sawBand = false
            for n in stride(from: 1, through: Int(3 * k), by: 1) {
                let band = predictor.region(featureCount: n) == .peakBand
                sawBand = sawBand || band
                #expect(try point(n: n, d: d, losses: [1, 1, 1]).heavyTail.reasons.contains(.peakBand) == band, "N = \(n), D = \(d)")
            }
            #expect(sawBand)
        }
    }

    @Test func bandAppliesOnlyToRidgelessExactLinearModels() throws {
        let d = 1024
        let n = Int(try LossCurvePredictor(parameters: parameters, sampleCount: d).rankLaw.mean.rounded())
        #expect(try point(n: n, d: d, losses: [1, 1, 1]).heavyTail.isHeavyTailed)
        #expect(try !point(n: n, d: d, losses: [1, 1, 1], features: .relu).heavyTail.isHeavyTailed)
        #expect(try !point(n: n, d: d, losses: [1, 1, 1], ridge: 1e-3).heavyTail.isHeavyTailed)
        // Dense data: rank min(D, M) = 256 at D = 1024.
        #expect(try point(n: 255, d: d, losses: [1, 1, 1], data: .dense).heavyTail.isHeavyTailed)
        #expect(try point(n: 257, d: d, losses: [1, 1, 1], data: .dense).heavyTail.isHeavyTailed)
        #expect(try !point(n: 258, d: d, losses: [1, 1, 1], data: .dense).heavyTail.isHeavyTailed)
    }

    @Test func oneDominantSeedFlagsThePoint() throws {
        // Far from the band (N = 4, D = 1e6): only the dominance rule can fire.
        let ok = try point(n: 4, d: 1_000_000, losses: [1, 2, 3, 1.5])
        #expect(!ok.heavyTail.isHeavyTailed && ok.heavyTail.note == nil)
        let dominated = try point(n: 4, d: 1_000_000, losses: [1, 1, 1, 3.01])
        #expect(dominated.heavyTail.reasons == [.dominantSeed])
        #expect(dominated.heavyTail.note == "heavy-tailed: mean not meaningful (one seed dominates)")
        // Exactly half is not more than half; two seeds never count.
        #expect(try !point(n: 4, d: 1_000_000, losses: [1, 1, 2]).heavyTail.isHeavyTailed)
        #expect(try !point(n: 4, d: 1_000_000, losses: [1, 100]).heavyTail.isHeavyTailed)
    }

    @Test func aFewLargeSeedsAboveTheUpperDecileFlagThePoint() throws {
        // Two large seeds among 30: neither holds half the sum, but together they lift the mean (3.6)
        // above the 90% quantile (1).
        let lifted = try point(n: 4, d: 1_000_000, losses: Array(repeating: 1, count: 28) + [40, 40])
        #expect(lifted.heavyTail.reasons == [.meanAboveUpperDecile])
        #expect(lifted.heavyTail.note == "heavy-tailed: mean not meaningful (mean above the 90% quantile)")
        // A light tail keeps its mean (10.5) below the 90% quantile (18.1); four seeds are too few.
        #expect(try !point(n: 4, d: 1_000_000, losses: (1...20).map(Double.init).shuffled()).heavyTail.isHeavyTailed)
        #expect(HeavyTailAssessment.seedReasons([1, 1, 1, 1.2]).isEmpty)
    }

    @Test func medianAndQuantilesOfThePoint() throws {
        let p = try point(n: 4, d: 1_000_000, losses: [5, 1, 3, 2, 4, 1000])
        #expect(p.lossMedian == 3.5)
        #expect(try #require(p.lossQuantiles).quantile10 == 1.5)
        #expect(p.heavyTail.reasons == [.dominantSeed])
    }

    @Test func jsonAndCSVCarryMedianQuantilesAndFlag() throws {
        let p = try point(n: 4, d: 1_000_000, losses: [5, 1, 3, 2, 4, 1000])
        let json = try ExperimentWriter.json(p)
        #expect(json.contains("\"loss_median\" : 3.5"))
        #expect(json.contains("\"heavy_tailed\" : true"))
        #expect(json.contains("\"loss_q90\""))
        let series = SweepSeries(name: "s", variable: .n, points: [p], fitTail: 3)
        var table = CSVTable(headers: SweepSeries.csvHeaders)
        series.appendRows(to: &table)
        let csv = table.render()
        #expect(csv.hasPrefix("series,variable,n,d,seeds,loss_mean,loss_se,loss_median,loss_q10,loss_q90,heavy_tailed,k_mean\n"))
        #expect(csv.contains(",3.5,1.5,"))
        let result = SweepResult(points: [p], variable: nil, fitTail: 3)
        #expect(result.text().contains("heavy-tailed: mean not meaningful"))
        #expect(result.json().contains("\"heavy_tailed\":true"))
    }

    @Test func collapsePeakIsLocatedOnTheMedian() throws {
        // A smooth median peak at N = 32; one seed at N = 16 is huge, so the mean peaks there instead.
        let d = 1_000_000
        let ns = [4, 8, 16, 32, 64, 128]
        let medians: [Double] = [1, 2, 3, 10, 4, 2]
        let points = try zip(ns, medians).map { n, m in
            try point(n: n, d: d, losses: n == 16 ? [m, m, m, m, m, 1e4] : [m * 0.9, m, m * 1.1])
        }
        let curve = CollapseCurve(sampleCount: d, points: points, alpha: 0, beta: 2)
        let scale = pow(Double(d), 0.5)
        #expect(curve.peakX == 32 / scale)
        #expect(curve.heavyTailed == [false, false, true, false, false, false])
        #expect(abs(curve.peakMedianY - 10 * Double(d)) < 1e-6 * Double(d))
        #expect(curve.predicted.isEmpty && curve.predictedPeakX == nil)
    }

    @Test func collapseCurvePredictionsSitInTheBand() throws {
        let d = 1024
        let predictor = try LossCurvePredictor(parameters: parameters, sampleCount: d)
        let ns = [16, 32, 45, 57, 70, 90, 128, 256]
        let points = try ns.map { try point(n: $0, d: d, losses: [1, 1.1, 0.9]) }
        let curve = CollapseCurve(sampleCount: d, points: points, alpha: 0, beta: 2, parameters: parameters)
        #expect(curve.predicted.count == ns.count)
        // The predicted mean never exists inside the band, and exists well below and above it.
        for (n, p) in zip(ns, curve.predicted) where predictor.region(featureCount: n) == .peakBand {
            #expect(p.mean == nil, "N = \(n)")
        }
        #expect(curve.predicted.first?.mean != nil && curve.predicted.last?.mean != nil)
        #expect(curve.predicted.last?.median != nil)
        let peakN = try #require(curve.predictedPeakX) * pow(Double(d), 0.5)
        #expect(predictor.region(featureCount: Int(peakN.rounded())) == .peakBand)
        #expect(abs(peakN - predictor.rankLaw.mean) < 4 * predictor.rankLaw.standardDeviation)
    }

    @Test func reportWithSeveralFiguresHasNoDuplicateId() {
        func figure(_ width: Double) -> Figure {
            Figure(width: width, height: 300, plots: [Plot(series: [.line(x: [1, 2], y: [1, 2], label: "a")]), Plot(series: [.line(x: [1, 2], y: [2, 1])])], columns: 2)
        }
        // As ReproductionWriter does: each figure's file name prefixes its ids; also the default prefix.
        let sections = [
            HTMLReport.Section(title: "A", svg: ReproductionWriter.inlineSVG(figure(500).svg(idPrefix: "a")), caption: "first\nsecond line", file: "figures/a.svg"),
            HTMLReport.Section(title: "B", svg: ReproductionWriter.inlineSVG(figure(500).svg(idPrefix: "b")), caption: "", file: "figures/b.svg"),
            HTMLReport.Section(title: "C", svg: ReproductionWriter.inlineSVG(figure(900).svg()), caption: ""),
            HTMLReport.Section(title: "D", svg: ReproductionWriter.inlineSVG(figure(400).svg()), caption: ""),
        ]
        let html = HTMLReport(title: "t", rows: [], sections: sections, appendices: [], provenance: []).render()
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids.count == 8)  // 8 clip paths (no rows: no comparison tables)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(html.contains("<figure data-file=\"figures/a.svg\">"))
        #expect(html.contains("<figcaption>first\nsecond line</figcaption>"))
    }
}
