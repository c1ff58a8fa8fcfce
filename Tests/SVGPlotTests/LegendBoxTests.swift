import Foundation
import Testing
@testable import SVGPlot

/// Legends: a figure's shared legend (one box right of the grid, each distinct row once, panels without
/// their own), and a series that joins the legend row of a region with the same label.
@Suite struct LegendBoxTests {
    /// The legend boxes of `svg` (white rectangles with the legend's gray border) as (x, y, width, height).
    static func legendBoxes(_ svg: String) -> [(x: Double, y: Double, width: Double, height: Double)] {
        let regex = try! NSRegularExpression(pattern: "<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\" fill=\"#FFFFFF\" fill-opacity=\"0.9\" stroke=\"#B0B0B0\"")
        return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
            let v = (1...4).map { Double(svg[Range(m.range(at: $0), in: svg)!])! }
            return (v[0], v[1], v[2], v[3])
        }
    }

    func panel(_ i: Int, extra: String? = nil) -> Plot {
        var series: [Series] = [.scatter(x: [1, 10, 100], y: [1, 0.5, 0.2], label: "measured", color: .blue),
                                .line(x: [1, 100], y: [1, 0.2], label: "predicted", color: .black, style: .dashed)]
        if let extra { series.append(.line(x: [1, 100], y: [0.9, 0.3], label: extra, color: .vermillion)) }
        return Plot(title: "panel \(i)", xAxis: Axis(label: "N", scale: .log10), yAxis: Axis(label: "L", scale: .log10),
                    series: series, legendPosition: .outsideRight)
    }

    @Test func sharedLegendIsDrawnOnceRightOfEveryPanel() {
        let plots = [panel(0), panel(1), panel(2, extra: "only here")]
        let shared = Figure(width: 900, height: 900, plots: plots, columns: 1, sharedLegend: true)
        let svg = shared.svg()
        let boxes = Self.legendBoxes(svg)
        #expect(boxes.count == 1)
        // The three distinct rows, each once, in the panels' order.
        #expect(shared.sharedLegendBox?.entries.map(\.label) == ["measured", "predicted", "only here"])
        #expect(svg.components(separatedBy: ">predicted</text>").count - 1 == 1)
        // The box lies right of every panel's frame and inside the figure.
        guard let box = boxes.first else { return }
        for i in plots.indices {
            var hidden = plots[i]
            hidden.legendPosition = .hidden
            let cell = shared.cell(i)
            let frame = hidden.layout(width: cell.width, height: cell.height).plotArea
            #expect(cell.x + frame.maxX < box.x, "panel \(i) frame ends at \(cell.x + frame.maxX), legend starts at \(box.x)")
        }
        #expect(box.x + box.width <= shared.width && box.y >= 0)
        // Without sharing, each panel draws its own.
        #expect(Self.legendBoxes(Figure(width: 900, height: 900, plots: plots, columns: 1).svg()).count == 3)
    }

    @Test func sharedLegendOfHiddenLegendsIsNone() {
        var plot = panel(0)
        plot.legendPosition = .hidden
        let figure = Figure(width: 600, height: 400, plots: [plot], sharedLegend: true)
        #expect(figure.sharedLegendBox == nil && figure.gridWidth == 600)
        #expect(Self.legendBoxes(figure.svg()).isEmpty)
    }

    @Test func seriesJoinsTheRowOfARegionWithItsLabel() {
        let band = FilledRegion(vertices: [.init(x: 1, y: 0.5), .init(x: 100, y: 0.5), .init(x: 100, y: 2), .init(x: 1, y: 2)],
                                color: .bluishGreen, opacity: 0.1, legendLabel: "D = 64", outline: LineStyle(width: 0.7))
        let plot = Plot(xAxis: Axis(scale: .log10), yAxis: Axis(scale: .log10),
                        series: [Series(x: [1, 100], y: [1, 1], label: "D = 64", color: .bluishGreen, marker: Marker()),
                                 .line(x: [1, 100], y: [0.7, 0.7], label: "other", color: .blue)],
                        regions: [band], legendPosition: .outsideRight)
        let entries = plot.legendEntries
        #expect(entries.map(\.label) == ["D = 64", "other"])
        #expect(entries[0].swatchOpacity == 0.1 && entries[0].line == .solid && entries[0].marker == Marker() && entries[0].swatchOutline == LineStyle(width: 0.7))
        // Drawn: the swatch (outlined in the region's colour), then the line and marker over it, one text.
        let svg = plot.svg()
        #expect(svg.contains("fill=\"#009E73\" fill-opacity=\"0.1\" stroke=\"#009E73\" stroke-width=\"0.7\"/>"))
        #expect(svg.components(separatedBy: ">D = 64</text>").count - 1 == 1)
        // The region itself is outlined too.
        #expect(svg.contains("fill=\"#009E73\" fill-opacity=\"0.1\" stroke=\"#009E73\" stroke-width=\"0.7\" stroke-linejoin=\"round\"/>"))
    }
}
