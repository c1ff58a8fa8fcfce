import Foundation
import ScalingAnalysis

extension CollapseResult {
    /// The multiplicative step of the x grid, 2^(1/pointsPerOctave): a grid-located peak is known to
    /// ± half of it in log.
    public var gridStep: Double { pow(2, 1 / Double(configuration.pointsPerOctave)) }

    /// The competing prediction of the asymptotic peak x: the classical interpolation threshold N = D,
    /// x = D^(1 − 1/β), at the geometric mean of the curves' D.
    var classicalThreshold: Precision.Alternative {
        let logs = curves.map { log(Double($0.sampleCount)) }
        let meanLogD = logs.reduce(0, +) / Double(max(1, logs.count))
        return Precision.Alternative("the classical threshold N = D (x = D^(1 − 1/β) at the geometric mean D)", exp((1 - 1 / beta) * meanLogD))
    }

    /// The competing predictions of a peak height (measured/predicted median = 1): the predicted 10% and
    /// 90% quantiles over the median at that N, the law's own spread.
    static func peakHeightAlternatives(_ p: PredictedLossPoint) -> [Precision.Alternative] {
        guard let m = p.median, m > 0 else { return [] }
        return [p.quantile10.map { Precision.Alternative("the predicted 10% quantile (relative to the median)", $0 / m) },
                p.quantile90.map { Precision.Alternative("the predicted 90% quantile (relative to the median)", $0 / m) }].compactMap { $0 }
    }

    /// The verdict rows written into `collapse.json` and printed: `comparisonRows`.
    package var verdictRows: [ComparisonRow] { comparisonRows }

    /// The 95% CI of the combined peak x (geometric mean over the curves): t with k − 1 degrees of
    /// freedom over the k curves' log peak x, never narrower than ± half a grid step in log.
    public var peakInterval: (lower: Double, upper: Double, method: IntervalMethod)? {
        let logs = curves.map { log($0.peakX) }.filter(\.isFinite)
        guard !logs.isEmpty, peakX.isFinite else { return nil }
        let halfStep = log(gridStep) / 2
        var half = halfStep
        var method = IntervalMethod.gridResolution(step: gridStep, detail: "one curve")
        if logs.count > 1 {
            let m = logs.reduce(0, +) / Double(logs.count)
            let se = (logs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(logs.count - 1) / Double(logs.count)).squareRoot()
            let t = StudentT.quantile(0.975, degreesOfFreedom: Double(logs.count - 1))
            half = max(t * se, halfStep)
            method = .studentT(degreesOfFreedom: logs.count - 1,
                               of: "over the \(logs.count) curves' log peak x; never narrower than ± half the grid step × \(String(format: "%.3f", gridStep))")
        }
        return (peakX * exp(-half), peakX * exp(half), method)
    }

    /// The verdict rows: the paper's asymptotic peak x against the combined peak; per D, the peak x
    /// against the predicted peak at that D (grid resolution), the median peak height against the
    /// predicted median (order statistics), and the medians above the peak against the predicted
    /// medians (`CurveCoverageTest`).
    public var comparisonRows: [ComparisonRow] {
        var rows: [ComparisonRow] = []
        let step = String(format: "%.3f", gridStep)
        let located = "located on the median's most prominent bump, grid step ×\(step)"
        let interval = peakInterval
        if let predictedPeakX {
            rows.append(ComparisonRow(
                id: "paper.collapse.peak_x", group: .paper,
                quantity: "double-descent peak x = N/D^{1/β}, geometric mean over D = \(curves.map { String($0.sampleCount) }.joined(separator: ", ")) (\(located)), vs the asymptote Γ(1−1/β)",
                predicted: predictedPeakX, measured: peakX, standardError: nil, interval: interval.map { ($0.lower, $0.upper) },
                method: interval?.method ?? .none,
                precision: Precision.gridLocation(predictedPeakX, alternatives: [classicalThreshold], gridStep: gridStep)))
        }
        let halfStep = sqrt(gridStep)
        for curve in curves {
            let d = curve.sampleCount
            if let predicted = curve.predictedPeakX {
                rows.append(ComparisonRow(
                    id: "ours.collapse.peak_x.d\(d)", group: .ours,
                    quantity: "double-descent peak x at D = \(d) (\(located)), vs the predicted median peak at this D (§6.1 law mixed over r)",
                    predicted: predicted, measured: curve.peakX, standardError: nil,
                    interval: curve.peakX.isFinite ? (curve.peakX / halfStep, curve.peakX * halfStep) : nil,
                    method: .gridResolution(step: gridStep),
                    precision: Precision.gridLocation(predicted, alternatives: predictedPeakX.map { [Precision.Alternative("the asymptote Γ(1 − 1/β) (no finite-D effect)", $0)] } ?? [],
                                                      gridStep: gridStep)))
            }
            if let row = peakHeightRow(curve) { rows.append(row) }
            if let row = mediansAbovePeakRow(curve) { rows.append(row) }
        }
        return rows
    }

    /// The measured over the predicted median at the peak of `curve`, CI from the median's order statistics.
    func peakHeightRow(_ curve: CollapseCurve) -> ComparisonRow? {
        guard let peak = curve.peakIndex, let predicted = curve.predictedMedianYAtPeak, predicted > 0 else { return nil }
        let ratio = curve.peakMedianY / predicted
        var interval: (Double, Double)?
        if let q = curve.points[peak].lossQuantiles, q.median > 0, let ci = q.medianInterval {
            interval = (ci.lower / q.median * ratio, ci.upper / q.median * ratio)
        }
        return ComparisonRow(
            id: "ours.collapse.peak_height.d\(curve.sampleCount)", group: .ours,
            quantity: "median peak height at D = \(curve.sampleCount), N = \(curve.points[peak].n): measured/predicted median",
            predicted: 1, measured: ratio, standardError: nil, interval: interval,
            method: interval == nil ? .none : .orderStatistics(seeds: curve.points[peak].seedCount),
            precision: Precision.resolving(1, from: Self.peakHeightAlternatives(curve.predicted[peak])))
    }

    /// The medians of `curve` above its peak against the predicted medians, each by its order-statistic
    /// interval; nil when no such point has both.
    func mediansAbovePeakRow(_ curve: CollapseCurve) -> ComparisonRow? {
        guard let peak = curve.peakIndex, !curve.predicted.isEmpty else { return nil }
        var z: [Double] = [], covered: [Bool] = [], widths: [Double] = [], ns: [Int] = [], predicted: [PredictedLossPoint] = []
        for i in curve.points.indices where i > peak {
            guard let m = curve.predicted[i].median, let q = curve.points[i].lossQuantiles, let ci = q.medianInterval,
                  q.median > 0, ci.upper > ci.lower else { continue }
            let half = (ci.upper - ci.lower) / 2
            z.append((m - q.median) / (half / 1.96))
            covered.append(ci.lower <= m && m <= ci.upper)
            widths.append(half / q.median)
            ns.append(curve.points[i].n)
            predicted.append(curve.predicted[i])
        }
        guard !covered.isEmpty else { return nil }
        return ComparisonRow(
            id: "ours.collapse.medians_above_peak.d\(curve.sampleCount)", group: .ours,
            curve: "medians above the peak at D = \(curve.sampleCount), N = \(ns.map(String.init).joined(separator: ", ")), vs the predicted medians (order-statistic CIs); per-point z (indicative)",
            test: CurveCoverageTest(zScores: z, coveredFlags: covered), medianRelativeHalfWidth: SampleQuantiles.quantile(widths.sorted(), 0.5),
            precision: LossCurveResult.medianPrecision(predicted))
    }
}
