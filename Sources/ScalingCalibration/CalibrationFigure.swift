import Foundation
import ScalingAnalysis
import SVGPlot

/// The calibration figure: (left) the runs on iso-FLOP slices (third-of-a-decade bins of C) with both fitted
/// forms along each slice at the bin's centre C;
/// (right) the compute frontier N*(C), D*(C) of the additive fit with its 95% bootstrap band.
public enum CalibrationFigure {
    /// Runs grouped into iso-FLOP slices: bins of a third of a decade in C = 6ND (runs within ±1/6 decade of
    /// the bin's centre, which need not lie on designed budgets), bins of at least 4 runs, at most 8 of them
    /// spread evenly over the range of C; each with its bin's centre C.
    static func isoFlopSlices(_ runs: [ScalingRun]) -> [(compute: Double, runs: [ScalingRun])] {
        let bins = Dictionary(grouping: runs) { Int((3 * log10(6 * $0.featureCount * $0.sampleCount)).rounded()) }
        let kept = bins.filter { $0.value.count >= 4 }.sorted { $0.key < $1.key }
        let chosen = kept.count <= 8 ? Array(kept.indices) : (0..<8).map { Int((Double($0) * Double(kept.count - 1) / 7).rounded()) }
        return chosen.map { (pow(10, Double(kept[$0].key) / 3), kept[$0].value) }
    }

    /// The figure of `result`.
    public static func figure(_ result: CalibrationResult) -> Figure {
        let slices = isoFlopSlices(result.table.runs)
        var series: [Series] = []
        for (k, (flop, slice)) in slices.enumerated() {
            let color = Color.cycle[k % Color.cycle.count]
            let ns = slice.map(\.featureCount)
            series.append(.scatter(x: ns, y: slice.map(\.loss), label: "C ≈ \(String(format: "%.1e", flop))", color: color, marker: Marker(.circle, size: 4)))
            let lo = log(ns.min()!) - 0.2, hi = log(ns.max()!) + 0.2
            let grid = (0...40).map { exp(lo + (hi - lo) * Double($0) / 40) }
            series.append(.line(x: grid, y: grid.map { result.additive.loss(featureCount: $0, sampleCount: flop / (6 * $0)) }, color: color, style: .dashed))
            series.append(.line(x: grid, y: grid.map { result.joined.loss(featureCount: $0, sampleCount: flop / (6 * $0)) }, color: color, style: .solid))
        }
        series.append(Series(points: [], label: "additive fit (dashed)", color: .gray, line: .dashed))
        series.append(Series(points: [], label: "joined fit (solid)", color: .gray, line: .solid))
        let slicesPlot = Plot(title: "Runs on iso-FLOP slices", xAxis: Axis(label: "model size N", scale: .log10),
                              yAxis: Axis(label: "loss L", scale: .log10), series: series, legendPosition: .outsideRight)

        let flops = result.table.runs.map { 6 * $0.featureCount * $0.sampleCount }
        let lo = log(flops.min()!), hi = log(max(result.compute, flops.max()!))
        let cs = (0...60).map { exp(lo + (hi - lo) * Double($0) / 60) }
        let optimum = cs.map { ComputeOptimalAllocation(law: result.additive.additive, compute: $0) }
        var regions: [FilledRegion] = []
        if !result.resampledLaws.isEmpty {
            for (pick, color, name) in [({ (o: ComputeOptimalAllocation) in o.featureCount }, Color.blue, "N*"), ({ $0.sampleCount }, Color.vermillion, "D*")] {
                let bands = cs.map { c -> (Double, Double) in
                    let values = result.resampledLaws.map { pick(ComputeOptimalAllocation(law: $0, compute: c)) }.filter(\.isFinite).sorted()
                    guard !values.isEmpty else { return (.nan, .nan) }
                    return (SampleQuantiles.quantile(values, 0.025), SampleQuantiles.quantile(values, 0.975))
                }
                let upper = zip(cs, bands).map { Series.Point(x: $0, y: $1.1) }, lower = zip(cs, bands).map { Series.Point(x: $0, y: $1.0) }
                regions.append(FilledRegion(vertices: upper + lower.reversed(), color: color, opacity: 0.2, legendLabel: "\(name): 95% bootstrap band"))
            }
        }
        let frontier = Plot(
            title: "Compute-optimal frontier (C = 6ND)", xAxis: Axis(label: "compute C (FLOP)", scale: .log10),
            yAxis: Axis(label: "N*, D*", scale: .log10),
            series: [.line(x: cs, y: optimum.map(\.featureCount), label: "N*(C)", color: .blue),
                     .line(x: cs, y: optimum.map(\.sampleCount), label: "D*(C)", color: .vermillion),
                     .scatter(x: flops, y: result.table.runs.map(\.featureCount), label: "runs: N", color: .gray, marker: Marker(.circle, size: 3, filled: false))],
            regions: regions, legendPosition: .topLeft)
        return Figure(width: 1200, height: 520, title: "Calibration: \(result.table.runs.count) runs", plots: [slicesPlot, frontier], columns: 2)
    }
}
