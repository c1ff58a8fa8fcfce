import Foundation
@testable import SVGPlot

/// A four-panel figure exercising every element kind, in the style of the paper's figures.
func sampleFigure() -> Figure {
    // (a) Loss vs N for several D on log–log axes, with error bars and fitted power laws.
    var curves: [Series] = []
    let shapes: [Marker.Shape] = [.circle, .square, .triangle]
    for (j, d) in [256.0, 1024, 4096].enumerated() {
        let ns = (0..<9).map { pow(2.0, Double($0 + 4)) }
        let loss = ns.map { 0.5 / d + 2 * pow($0, -1.0) + 0.3 / $0 }
        let bars = loss.map { Optional(ErrorBar.symmetric(0.12 * $0)) }
        curves.append(.scatter(x: ns, y: loss, label: "D = \(Int(d))", marker: Marker(shapes[j]), errorBars: bars))
    }
    let fitN = [16.0, 4096]
    curves.append(.line(x: fitN, y: fitN.map { 2.3 / $0 }, label: "fit N^−1 & <guide>", color: .gray, style: .dashed))
    let scaling = Plot(title: "Loss vs features", xAxis: Axis(label: "N (features)", scale: .log10),
                       yAxis: Axis(label: "test loss L", scale: .log10), series: curves)

    // (b) Phase diagram: regimes in the (N, D) plane.
    let big = 1e9
    let phase = Plot(
        title: "Phase diagram",
        xAxis: Axis(label: "N", scale: .log10, range: 10...1e5),
        yAxis: Axis(label: "D", scale: .log10, range: 10...1e5),
        regions: [
            FilledRegion(vertices: [.init(x: 1, y: 1), .init(x: big, y: big), .init(x: 1, y: big)],
                         color: .blue, label: "model-limited", legendLabel: "N < D", includeInAutoRange: false),
            FilledRegion(vertices: [.init(x: 1, y: 1), .init(x: big, y: 1), .init(x: big, y: big)],
                         color: .orange, label: "data-limited", legendLabel: "N > D", includeInAutoRange: false),
        ],
        referenceLines: [ReferenceLine(.vertical, at: 1000, label: "N = 10³")],
        annotations: [Annotation("N = D", x: 3e3, y: 1.5e3, anchor: .start, fontSize: 11)],
        legendPosition: .bottomRight)

    // (c) Linear axes with a horizontal reference line and a double-descent peak.
    let ratio = stride(from: 0.1, through: 3.0, by: 0.05).map { $0 }
    let peak = ratio.map { 0.2 + 0.05 / (abs($0 - 1) + 0.03) }
    let linear = Plot(title: "Collapse", xAxis: Axis(label: "N / D^{1/β}"), yAxis: Axis(label: "L · D^α"),
                      series: [.line(x: ratio, y: peak, label: "collapsed loss"),
                               Series(x: [0.5, 1.5, .nan, 2.5], y: [1, 0.5, 0.7, .infinity], label: "skips non-finite",
                                      line: .dotted, marker: Marker(.diamond, filled: false))],
                      referenceLines: [ReferenceLine(.horizontal, at: 0.2, label: "asymptote"),
                                       ReferenceLine(.vertical, at: 1, color: .vermillion, label: "threshold")],
                      showGrid: true)

    // (d) GD failure probability with Wilson intervals; zero failures clip at the axis minimum.
    let ds = [64.0, 128, 256, 512, 1024]
    let p = [0.4, 0.22, 0.1, 0.05, 0.0]
    let lower = [0.3, 0.15, 0.06, 0.02, 0.0], upper = [0.5, 0.3, 0.16, 0.1, 0.04]
    let bars = (0..<5).map { Optional(ErrorBar.interval(lower: lower[$0], upper: upper[$0], around: p[$0])) }
    let failure = Plot(title: "GD failure", xAxis: Axis(label: "D", scale: .log10),
                       yAxis: Axis(label: "P(failure)", scale: .log10, range: 0.01...1),
                       series: [.scatter(x: ds, y: p, label: "P̂ (Wilson 95%)", errorBars: bars),
                                .line(x: ds, y: ds.map { 25.6 / $0 }, label: "∝ D^−1", color: .gray, style: .dashed)])
    return Figure(width: 1000, height: 780, title: "SVGPlot sample", plots: [scaling, phase, linear, failure], columns: 2)
}

/// A single panel over many decades with the legend outside the frame.
func wideRangeSample() -> Plot {
    let c = (0..<13).map { pow(10.0, Double($0) - 2) }
    let series = [0.25, 0.5, 0.75].map { e in
        Series(x: c, y: c.map { 50 * pow($0, -e) }, label: "C^−\(e)", marker: Marker(.square, size: 5))
    }
    return Plot(title: "Compute-optimal frontier", xAxis: Axis(label: "compute C", scale: .log10),
                yAxis: Axis(label: "loss", scale: .log10), series: series, legendPosition: .outsideRight)
}
