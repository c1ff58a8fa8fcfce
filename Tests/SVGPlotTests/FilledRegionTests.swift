import Foundation
import Testing
@testable import SVGPlot

/// A shaded band with no data point inside (e.g. a predicted peak band between two grid points) and a line
/// broken at a pole: the band is drawn where its data x map, and the line has no segment across it.
@Suite struct FilledRegionTests {
    @Test func bandBetweenTwoDataPointsIsDrawnAtItsOwnX() throws {
        let x: [Double] = [64, 128, 256, 512]
        // NaN between 128 and 256: the line breaks there, at the pole.
        let line = Series.line(x: [64, 128, 180, 256, 512], y: [1, 2, .nan, 2, 1], label: "predicted", color: .black, style: .dashed)
        let band = FilledRegion(vertices: [.init(x: 155.5, y: 1e-3), .init(x: 224.5, y: 1e-3), .init(x: 224.5, y: 1e3), .init(x: 155.5, y: 1e3)],
                                color: .lightGray, opacity: 0.6, legendLabel: "band", includeInAutoRange: false)
        let plot = Plot(xAxis: Axis(scale: .log10), yAxis: Axis(scale: .log10),
                        series: [.scatter(x: x, y: [1, 2, 2, 1], label: "measured", color: .blue), line],
                        regions: [band], legendPosition: .hidden)
        // The band's y extent (far beyond the data) does not widen the axes.
        let layout = plot.layout(width: 600, height: 400)
        #expect(layout.y.domain.lowerBound > 0.5 && layout.y.domain.upperBound < 4)
        let svg = plot.svg(width: 600, height: 400)
        let points = try #require(LossBandSVG.firstGroup(svg, "<polygon points=\"([^\"]+)\" fill=\"#D9D9D9\""))
        let xs = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) }
        let expected = [155.5, 224.5].map { layout.x.pixel($0)! }
        #expect(abs(xs.min()! - expected[0]) < 0.01 && abs(xs.max()! - expected[1]) < 0.01, "\(xs) vs \(expected)")
        #expect(layout.x.pixel(128)! < xs.min()! && xs.max()! < layout.x.pixel(256)!)
        // The dashed line is two pieces, 64–128 and 256–512: none of its vertices inside the band.
        let d = try #require(LossBandSVG.firstGroup(svg, "<path d=\"([^\"]+)\" fill=\"none\" stroke=\"#000000\""))
        let pieces = d.split(separator: "M").map { $0.split(separator: "L").compactMap { Double($0.split(separator: ",")[0]) } }
        #expect(pieces.count == 2)
        #expect(pieces.allSatisfy { $0.count == 2 && $0.allSatisfy { $0 < xs.min()! || $0 > xs.max()! } }, "\(d)")
    }
}

/// Regular-expression helpers for these tests.
enum LossBandSVG {
    /// The first capture group of `pattern` in `text`.
    static func firstGroup(_ text: String, _ pattern: String) -> String? {
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return String(text[Range(m.range(at: 1), in: text)!])
    }
}
