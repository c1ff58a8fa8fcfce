import Foundation
import Testing
@testable import SparseScaling

/// `DoubleDescentPeak` finds the bump, not the largest value: on a curve like the paper profile's
/// D = 4096 collapse curve (a large left end with a wiggle on its slope, the bump at x ≈ 1.7), the
/// largest interior local maximum is the wiggle at x ≈ 0.22, and the finder must ignore it.
@Suite struct DoubleDescentPeakTests {
    /// The paper profile's x grid (0.125…32, 6 points per octave).
    static let x = (0...48).map { 0.125 * pow(2, Double($0) / 6) }

    /// 10·x^−1.5 (the underparameterized descent) + a bump of height `bump` at x = 1.68 (width 0.12 in ln x),
    /// with the point nearest x = 0.22 raised 30% (a seed-noise wiggle).
    static func curve(bump: Double) -> [Double] {
        x.map { x in
            var y = 10 * pow(x, -1.5) + bump * exp(-pow(log(x / 1.68), 2) / (2 * 0.12 * 0.12))
            if abs(log(x / 0.22)) < log(2) / 12 { y *= 1.3 }
            return y
        }
    }

    @Test func locatesTheBumpNotTheLeftEndOrItsWiggle() throws {
        let y = Self.curve(bump: 30)
        // The old rule (largest interior local maximum) picks the wiggle.
        let localMaxima = y.indices.dropFirst().dropLast().filter { y[$0] > y[$0 - 1] && y[$0] > y[$0 + 1] }
        let old = try #require(localMaxima.max { y[$0] < y[$1] })
        #expect(abs(Self.x[old] - 0.22) < 0.02)
        let peak = try #require(DoubleDescentPeak.index(y))
        #expect(Self.x[peak] > 1.5 && Self.x[peak] < 1.9, "found x = \(Self.x[peak])")
    }

    @Test func noBumpNoPeak() {
        #expect(DoubleDescentPeak.index(Self.x.map { pow($0, -1.5) }) == nil)
        #expect(DoubleDescentPeak.index([1, 2]) == nil)
        // A bump at the second point still counts (a valley is not needed on the left of a left-end bump).
        #expect(DoubleDescentPeak.index([1, 3, 2, 1]) == 1)
    }

    @Test func theCollapseCurveUsesIt() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let d = 4096
        let scale = pow(Double(d), 0.5)
        let y = Self.curve(bump: 30)
        let points = Self.x.enumerated().map { i, x in
            MeasuredPoint(specification: PointSpecification(parameters: parameters, featureCount: max(1, Int((x * scale).rounded())), sampleCount: d),
                          losses: [0.99, 1, 1.01].map { $0 * y[i] }, meanObservedCoordinates: 50, meanSeconds: 0)
        }
        let curve = CollapseCurve(sampleCount: d, points: points, alpha: 0, beta: 2)
        #expect(curve.peakX > 1.5 && curve.peakX < 1.9)
        #expect(curve.peakIndex.map { curve.x[$0] } == curve.peakX)
    }
}
