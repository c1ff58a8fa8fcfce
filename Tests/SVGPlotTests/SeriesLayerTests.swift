import Foundation
import Testing
@testable import SVGPlot

/// `Series.layer`: a higher layer is drawn later (on top) while the legend keeps the series order.
@Suite struct SeriesLayerTests {
    @Test func higherLayerIsDrawnOnTopAndLegendKeepsOrder() throws {
        var sparse = Series.scatter(x: [1, 10], y: [1, 0.1], label: "sparse", color: .blue)
        sparse.layer = 1
        let dense = Series.scatter(x: [1, 10], y: [1, 0.1], label: "dense", color: .vermillion, marker: Marker(.square, size: 9, filled: false))
        let plot = Plot(xAxis: Axis(scale: .log10), yAxis: Axis(scale: .log10), series: [sparse, dense], legendPosition: .outsideRight)
        let svg = plot.svg()
        // Data markers: the dense open squares come before the sparse filled circles.
        let square = "fill=\"#FFFFFF\" stroke=\"#D55E00\"", circle = "<circle cx="
        #expect(try #require(svg.range(of: square)).lowerBound < (try #require(svg.range(of: circle))).lowerBound)
        #expect(plot.legendEntries.map(\.label) == ["sparse", "dense"])
        // Equal layers keep the series order: the circles first.
        sparse.layer = 0
        let flat = Plot(xAxis: Axis(scale: .log10), yAxis: Axis(scale: .log10), series: [sparse, dense], legendPosition: .hidden).svg()
        #expect(try #require(flat.range(of: circle)).lowerBound < (try #require(flat.range(of: square))).lowerBound)
    }
}
