import Foundation
import Testing
@testable import SparseScaling

/// The compute frontier's fitted exponent, its SE and interval, and the seed bootstrap against values
/// computed independently here: the envelope and the least-squares line by hand, Student-t quantiles
/// from a table, and the bootstrap against the exponent's spread over independent repetitions.
@Suite struct FrontierFitTests {
    /// t_{0.975, ν} for ν = 1…12 (standard tables).
    static let tQuantile975: [Double] = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281, 2.2010, 2.1788]

    /// Fixed-N curves L = C^(−a) + N^(−3a) (a plateau once D ≫ N) times 1 + `noise`·z per seed.
    static func curves(exponent a: Double, noise: Double, seeds: Int, stream index: UInt64) throws -> [[MeasuredPoint]] {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        var stream = RandomStream(seed: 8, purpose: .testData, index: index)
        return [8, 16, 32, 64].map { n in
            (4...12).map { 1 << $0 }.map { d in
                let c = Double(n) * Double(d) * Double(min(n, d))
                let base = pow(c, -a) + pow(Double(n), -3 * a)
                let losses = (0..<seeds).map { _ in base * (1 + noise * stream.normal()) }
                let spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: d)
                return MeasuredPoint(specification: spec, losses: losses, meanObservedCoordinates: 0, meanSeconds: 0)
            }
        }
    }

    /// Slope, SE and point count of the least-squares line through (log C, log L) over the upper two
    /// thirds of the running-minimum envelope, by hand.
    static func handFit(_ curves: [[MeasuredPoint]]) -> (exponent: Double, standardError: Double, count: Int) {
        var points: [(compute: Double, loss: Double)] = []
        // Points in the predicted peak band (mean infinite) never enter the envelope.
        for p in curves.flatMap({ $0 }) where !p.heavyTail.reasons.contains(.peakBand) {
            let compute = Double(p.n) * Double(p.d) * Double(min(p.n, p.d))
            let loss: Double = p.losses.reduce(0, +) / Double(p.losses.count)
            points.append((compute, loss))
        }
        points.sort { $0.compute < $1.compute }
        var envelope: [(compute: Double, loss: Double)] = []
        for p in points where p.loss < (envelope.last?.loss ?? .infinity) { envelope.append(p) }
        let tail = Array(envelope.suffix(max(3, envelope.count * 2 / 3)))
        let x = tail.map { log($0.compute) }, y = tail.map { log($0.loss) }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let slope = sxy / sxx
        var rss = 0.0
        for (u, w) in zip(x, y) { rss += (w - my - slope * (u - mx)) * (w - my - slope * (u - mx)) }
        return (-slope, (rss / (n - 2) / sxx).squareRoot(), x.count)
    }

    /// Noise-free envelope: the exponent is that of the hand fit (0.1735 for this synthetic family once the
    /// peak-band points are left out; its envelope mixes the C^(−1/2) law with the plateaus), and the interval is ± t_{0.975, n−2}·SE.
    @Test func fittedExponentAndIntervalMatchAHandFit() throws {
        let curves = try Self.curves(exponent: 0.5, noise: 0, seeds: 4, stream: 0)
        let result = FrontierResult(alpha: 0, beta: 2, configuration: .preset(.quick), curves: curves)
        let hand = Self.handFit(curves)
        let exponent = try #require(result.lossExponent)
        #expect(abs(exponent - hand.exponent) < 1e-10, "fitted \(exponent), by hand \(hand.exponent)")
        #expect(abs(exponent - 0.1735) < 5e-4, "fitted \(exponent)")
        let se = try #require(result.lossExponentStandardError)
        #expect(abs(se - hand.standardError) <= 1e-8 * hand.standardError, "SE \(se), by hand \(hand.standardError)")
        let interval = try #require(result.lossExponentInterval)
        let t = Self.tQuantile975[hand.count - 3]
        #expect(abs((interval.upper - interval.lower) / 2 - t * hand.standardError) <= 1e-3 * t * hand.standardError,
                "half-width \((interval.upper - interval.lower) / 2), t·SE = \(t * hand.standardError) (n = \(hand.count))")
    }

    /// With noise, the seed bootstrap SE estimates the exponent's actual spread over independent
    /// repetitions of the whole synthetic experiment (within a factor 1.6 either way, averaged over 4 runs),
    /// and the reported SE is the larger of it and the fit's SE computed by hand.
    @Test func seedBootstrapMatchesTheSpreadOverRepetitions() throws {
        var exponents: [Double] = []
        for repetition in 0..<120 {
            exponents.append(Self.handFit(try Self.curves(exponent: 0.5, noise: 0.3, seeds: 8, stream: UInt64(100 + repetition))).exponent)
        }
        let mean = exponents.reduce(0, +) / Double(exponents.count)
        let spread = (exponents.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(exponents.count - 1)).squareRoot()
        var bootstrap: [Double] = []
        for run in 0..<4 {
            let curves = try Self.curves(exponent: 0.5, noise: 0.3, seeds: 8, stream: UInt64(10 + run))
            let result = FrontierResult(alpha: 0, beta: 2, configuration: .preset(.quick), curves: curves)
            let b = try #require(result.seedBootstrapStandardError)
            bootstrap.append(b)
            let hand = Self.handFit(curves)
            #expect(abs(try #require(result.lossExponent) - hand.exponent) < 1e-10)
            #expect(abs(try #require(result.lossExponentStandardError) - max(hand.standardError, b)) <= 1e-8 * max(hand.standardError, b))
        }
        let average = bootstrap.reduce(0, +) / Double(bootstrap.count)
        #expect(average > spread / 1.6 && average < spread * 1.6, "bootstrap SE \(average), spread over repetitions \(spread)")
    }

    /// frontier.csv's `on_envelope` rows are exactly the points of the fit: refitting them (by hand, all of them)
    /// gives the reported exponent, while `lower_envelope` also holds the small-compute transient the fit leaves out.
    @Test func onEnvelopeRowsRefitToTheReportedExponent() throws {
        let curves = try Self.curves(exponent: 0.5, noise: 0.05, seeds: 6, stream: 3)
        let result = FrontierResult(alpha: 0, beta: 2, configuration: .preset(.quick), curves: curves)
        let csv = try #require(result.csvTables()["frontier.csv"])
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(header == FrontierResult.csvHeaders)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let rows = lines.dropFirst()
        let fitted = rows.filter { $0[column("on_envelope")] == "1" }
        let lower = rows.filter { $0[column("lower_envelope")] == "1" }
        let fit = try #require(result.fit)
        #expect(fitted.count == fit.pointCount)
        #expect(lower.count > fitted.count, "the envelope's transient is not in the fit")
        #expect(fitted.allSatisfy { $0[column("lower_envelope")] == "1" })
        let x = fitted.map { log(Double($0[column("compute")])!) }, y = fitted.map { log(Double($0[column("loss_mean")])!) }
        let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        #expect(abs(-slope - fit.exponent) < 1e-6, "refit \(-slope), reported \(fit.exponent)")
    }
}
