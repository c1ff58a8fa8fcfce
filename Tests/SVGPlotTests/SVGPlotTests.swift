import Foundation
import Testing
@testable import SVGPlot
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SVGPlotTests {
    @Test func outputIsWellFormedXML() throws {
        let svg = sampleFigure().svg()
        let document = try XMLDocument(xmlString: svg, options: [])
        _ = try XMLDocument(xmlString: wideRangeSample().svg(), options: [])
        #expect(document.rootElement()?.name == "svg")
        let attributes = Dictionary(uniqueKeysWithValues: (document.rootElement()?.attributes ?? []).map {
            ($0.localName ?? $0.name ?? "", $0.stringValue ?? "")
        })
        #expect(attributes["viewBox"] == "0 0 1000 780", "\(attributes)")
        #expect(document.rootElement()?.elements(forName: "g").isEmpty == false)
        #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        // Text with markup characters is escaped.
        #expect(svg.contains("fit N^−1 &amp; &lt;guide&gt;"))
        if ProcessInfo.processInfo.environment["SVGPLOT_SAMPLE"] != nil {
            try sampleFigure().write(to: URL(fileURLWithPath: "/tmp/sample.svg"))
            try wideRangeSample().svg(width: 700, height: 450).write(toFile: "/tmp/sample2.svg", atomically: true, encoding: .utf8)
        }
    }

    @Test func noNonFiniteNumbers() {
        let svg = sampleFigure().svg()
        for bad in ["NaN", "nan", "inf", "Inf"] {
            #expect(!svg.contains(bad), "found \(bad)")
        }
        // A plot made only of undrawable points still renders.
        let empty = Plot(xAxis: Axis(scale: .log10), yAxis: Axis(scale: .log10),
                         series: [Series(x: [-1, 0, .nan], y: [1, 2, 3], marker: Marker())]).svg()
        #expect(!empty.contains("NaN") && !empty.contains("nan") && !empty.contains("inf"))
        #expect(!empty.contains("<circle"))
    }

    @Test func logDecadeTicksAndLabels() {
        let ticks = Tick.ticks(scale: .log10, domain: 1...1000)
        let majors = ticks.filter(\.isMajor).map(\.value)
        #expect(majors == [1, 10, 100, 1000])
        #expect(ticks.filter { !$0.isMajor }.count == 24)
        #expect(ticks.compactMap { $0.label?.plainText } == ["10^0", "10^1", "10^2", "10^3"])
        let plot = Plot(xAxis: Axis(scale: .log10, range: 1e-3...1e3), yAxis: Axis(range: 0...1))
        let svg = plot.svg()
        #expect(svg.contains("10<tspan baseline-shift=\"super\" font-size=\"75%\">3</tspan>"))
        #expect(svg.contains("10<tspan baseline-shift=\"super\" font-size=\"75%\">−3</tspan>"))
    }

    @Test func narrowLogRangeLabelsMinorTicks() {
        // No decade inside: every minor tick is labelled (overlaps are thinned when drawing).
        let labels = Tick.ticks(scale: .log10, domain: 200...900).compactMap { $0.label?.plainText }
        #expect(labels == (2...9).map { "\($0)×10^2" })
        // One decade inside: the decade and 2×, 5× multiples.
        let one = Tick.ticks(scale: .log10, domain: 30...600).compactMap { $0.label?.plainText }
        #expect(one == ["5×10^1", "10^2", "2×10^2", "5×10^2"])
    }

    @Test func linearNiceTicks() {
        let ticks = Tick.ticks(scale: .linear, domain: -0.13...1.07, target: 6)
        #expect(ticks.map(\.value).map { ($0 * 10).rounded() / 10 } == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(ticks.compactMap { $0.label?.base } == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let negative = Tick.ticks(scale: .linear, domain: -10...10, target: 5)
        #expect(negative.compactMap { $0.label?.base } == ["−10", "−5", "0", "5", "10"])
    }

    @Test func logMappingToPixels() {
        let m = AxisMapping(scale: .log10, domain: 1...1000, pixelStart: 100, pixelEnd: 400)
        #expect(abs(m.pixel(1)! - 100) < 1e-12)
        #expect(abs(m.pixel(10)! - 200) < 1e-12)
        #expect(abs(m.pixel(1000)! - 400) < 1e-12)
        #expect(abs(m.pixel(pow(10, 1.5))! - 250) < 1e-12)
        #expect(m.pixel(0) == nil && m.pixel(-3) == nil && m.pixel(.nan) == nil)
        // In a rendered plot the marker of (10, 10) lies where the layout says.
        let plot = Plot(xAxis: Axis(scale: .log10, range: 1...100), yAxis: Axis(scale: .log10, range: 1...100),
                        series: [.scatter(x: [10], y: [10])])
        let layout = plot.layout(width: 640, height: 480)
        let centre = layout.pixel(x: 10, y: 10)!
        #expect(abs(centre.x - (layout.plotArea.minX + layout.plotArea.width / 2)) < 1e-9)
        #expect(abs(centre.y - (layout.plotArea.minY + layout.plotArea.height / 2)) < 1e-9)
        let svg = plot.svg()
        #expect(svg.contains("<circle cx=\"\(SVGWriter.number(centre.x))\" cy=\"\(SVGWriter.number(centre.y))\""))
    }

    @Test func automaticRangeIsPadded() {
        let plot = Plot(xAxis: Axis(scale: .log10), yAxis: Axis(), series: [.line(x: [10, 1000], y: [0, 10])])
        let layout = plot.layout(width: 640, height: 480)
        #expect(abs(log10(layout.x.domain.lowerBound) - 0.9) < 1e-12)
        #expect(abs(log10(layout.x.domain.upperBound) - 3.1) < 1e-12)
        #expect(abs(layout.y.domain.lowerBound + 0.5) < 1e-12 && abs(layout.y.domain.upperBound - 10.5) < 1e-12)
    }

    @Test func legendEntriesPresent() {
        let svg = sampleFigure().svg()
        for label in ["D = 256", "D = 1024", "D = 4096", "N &lt; D", "N &gt; D", "collapsed loss", "P̂ (Wilson 95%)"] {
            #expect(svg.contains(">\(label)</text>"), "missing legend entry \(label)")
        }
        let hidden = Plot(series: [.line(x: [0, 1], y: [0, 1], label: "only")], legendPosition: .hidden).svg()
        #expect(!hidden.contains(">only</text>"))
    }

    @Test func errorBarLowerEndClippedOnLogAxis() {
        // y = 0.05 with minus 0.1 would go negative: the bar runs to the frame's bottom edge.
        let plot = Plot(xAxis: Axis(scale: .log10, range: 1...100), yAxis: Axis(scale: .log10, range: 0.01...1),
                        series: [.scatter(x: [10], y: [0.05], errorBars: [ErrorBar(minus: 0.1, plus: 0.05)])])
        let layout = plot.layout(width: 640, height: 480)
        let svg = plot.svg()
        #expect(svg.contains("V\(SVGWriter.number(layout.y.pixel(0.1)!))"))
        #expect(svg.contains(",\(SVGWriter.number(layout.plotArea.maxY))V"))
    }

    @Test func zeroCountKeepsUpperLimitBar() {
        // P̂ = 0 cannot be drawn on a log axis, but its interval [0, 0.04] is drawn from the frame's bottom.
        let plot = Plot(xAxis: Axis(scale: .log10, range: 1...100), yAxis: Axis(scale: .log10, range: 0.01...1),
                        series: [.scatter(x: [10], y: [0], errorBars: [ErrorBar(minus: 0, plus: 0.04)])])
        let layout = plot.layout(width: 640, height: 480)
        let svg = plot.svg()
        #expect(!svg.contains("<circle"))
        #expect(svg.contains("M\(SVGWriter.number(layout.x.pixel(10)!)),\(SVGWriter.number(layout.plotArea.maxY))V\(SVGWriter.number(layout.y.pixel(0.04)!))"))
    }

    @Test func automaticLegendAvoidsData() {
        // Data fill the top right; the legend must go elsewhere.
        let x = (0..<20).map { 5 + Double($0) / 4 }
        let plot = Plot(xAxis: Axis(range: 0...10), yAxis: Axis(range: 0...10),
                        series: [.scatter(x: x, y: x, label: "rising")])
        let layout = plot.layout(width: 640, height: 480)
        let renderer = PlotRenderer(plot: plot, layout: layout, clipID: "c")
        #expect(renderer.automaticLegendPosition(size: plot.legendSize()!) != .topRight)
    }

    @Test func automaticLegendAvoidsErrorBarsAndReferenceLines() {
        // Points low on the left with long error bars up into the top-left corner, a horizontal reference
        // line along the bottom, points in the bottom-right: only the top right is free of bars and lines.
        let bars = [ErrorBar(minus: 0.5, plus: 8.5), ErrorBar(minus: 0.5, plus: 8.5)]
        let plot = Plot(xAxis: Axis(range: 0...10), yAxis: Axis(range: 0...10),
                        series: [Series(x: [0.5, 1.5], y: [1, 1], label: "tall bars", line: nil, marker: Marker(.circle), errorBars: bars),
                                 .scatter(x: [8, 9, 9.5], y: [1, 2, 1.5], label: "low right")],
                        referenceLines: [ReferenceLine(.horizontal, at: 0.3)])
        let renderer = PlotRenderer(plot: plot, layout: plot.layout(width: 640, height: 480), clipID: "c")
        #expect(renderer.automaticLegendPosition(size: plot.legendSize()!) == .topRight)
        // Without the bars and the line in the count, the top left and the bottom left would tie with it.
        let counted = renderer.occupiedPixels().filter { $0.x < 200 && $0.y < 150 }.count
        #expect(counted > 0)
    }
}
