import Foundation
import Testing
@testable import SVGPlot

/// Every id of a figure starts with a prefix of its own, so figures inlined into one HTML page never
/// share an id (the browser would resolve each url(#…) to the first and clip every figure to it).
@Suite struct UniqueIdentifierTests {
    static func ids(_ markup: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\bid=\"([^\"]*)\"")
        let range = NSRange(markup.startIndex..., in: markup)
        return pattern.matches(in: markup, range: range).compactMap { Range($0.range(at: 1), in: markup).map { String(markup[$0]) } }
    }

    func figure(width: Double, panels: Int) -> Figure {
        let plots = (0..<panels).map { i in
            Plot(title: "panel \(i)", xAxis: Axis(label: "N", scale: .log10), yAxis: Axis(label: "L", scale: .log10),
                 series: [.line(x: [1, 10, 100], y: [1, 0.1 * Double(i + 1), 0.01], label: "s")])
        }
        return Figure(width: width, height: 400, plots: plots, columns: panels)
    }

    @Test func twoFiguresInOneDocumentShareNoId() {
        let page = "<html><body>" + figure(width: 500, panels: 2).svg() + figure(width: 1200, panels: 2).svg() + "</body></html>"
        let ids = Self.ids(page)
        #expect(ids.count == 4)
        #expect(Set(ids).count == ids.count, "\(ids)")
        // Every reference points at an id of the same figure.
        for svg in [figure(width: 500, panels: 2).svg(), figure(width: 1200, panels: 2).svg()] {
            let own = Set(Self.ids(svg))
            let references = svg.components(separatedBy: "url(#").dropFirst().map { String($0.prefix { $0 != ")" }) }
            #expect(!references.isEmpty && references.allSatisfy(own.contains))
        }
    }

    @Test func explicitPrefixesAreUsedAndMadeValid() {
        let a = figure(width: 600, panels: 1).svg(idPrefix: "collapse")
        let b = figure(width: 600, panels: 1).svg(idPrefix: "frontier")
        #expect(Self.ids(a) == ["collapse-plot-area-0"])
        #expect(Set(Self.ids(a)).isDisjoint(with: Self.ids(b)))
        #expect(Self.ids(figure(width: 600, panels: 1).svg(idPrefix: "2 figures/x")) == ["f2-figures-x-plot-area-0"])
    }

    @Test func defaultPrefixIsDeterministic() {
        #expect(figure(width: 700, panels: 2).svg() == figure(width: 700, panels: 2).svg())
        #expect(Self.ids(figure(width: 700, panels: 1).svg()).allSatisfy { $0.hasPrefix("fig-") })
    }
}

/// Superscripts and subscripts in every text of a figure, typeset like the tick labels.
@Suite struct RichTextTests {
    @Test func superscriptsAndSubscriptsBecomeShiftedSpans() {
        #expect(RichText.markup("N / D^{1/β}") == "N / D<tspan baseline-shift=\"super\" font-size=\"75%\">1/β</tspan>")
        // The nested subscript keeps the superscript's size (75% of the text), not 75% of 75%.
        #expect(RichText.markup("L · D^{α_{D}}") == "L · D<tspan baseline-shift=\"super\" font-size=\"75%\">α<tspan baseline-shift=\"sub\">D</tspan></tspan>")
        // Plain carets, underscores and unbalanced groups stay literal (and escaped).
        #expect(RichText.markup("α_D & x^2 <y> ^{open") == "α_D &amp; x^2 &lt;y&gt; ^{open")
        #expect(RichText.plainText("D^{α_{D}}") == "DαD")
        #expect(RichText.width("D^{12}") == 2.5)
    }

    @Test func axisLabelsAndLegendsUseTheTypesetting() {
        let plot = Plot(xAxis: Axis(label: "N / D^{1/β}", scale: .log10), yAxis: Axis(label: "L", scale: .log10),
                        series: [.line(x: [1, 10], y: [1, 0.1], label: "fit: N^{−a}")])
        let svg = plot.svg()
        #expect(svg.contains("N / D<tspan baseline-shift=\"super\" font-size=\"75%\">1/β</tspan></text>"))
        #expect(svg.contains("fit: N<tspan baseline-shift=\"super\" font-size=\"75%\">−a</tspan></text>"))
        #expect(!svg.contains("^{"))
    }
}

/// Hyphens that stand for minus signs are typeset as U+2212 in every figure text; others stay.
@Suite struct MinusSignTests {
    @Test func hyphenBeforeANumberIsAMinusSign() {
        #expect(RichText.markup("α = -1.5, slope -0.866 ± 0.064, x^{-2}, -.5") == "α = −1.5, slope −0.866 ± 0.064, x<tspan baseline-shift=\"super\" font-size=\"75%\">−2</tspan>, −.5")
        #expect(RichText.markup("1e-4, 10-90%, ReLU-2, (α+β)-1, well-posed, - 3") == "1e-4, 10-90%, ReLU-2, (α+β)-1, well-posed, - 3")
        #expect(RichText.plainText("α = -1.5") == "α = -1.5")
    }
}
