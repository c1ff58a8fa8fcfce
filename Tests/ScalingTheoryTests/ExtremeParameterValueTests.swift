import Foundation
import Testing
@testable import ScalingTheory

/// Σ_{i=lo}^{hi} term(i) with Neumaier compensation: the independent term-by-term reference.
func compensatedSum(from lo: Int, through hi: Int, _ term: (Double) -> Double) -> Double {
    var sum = 0.0, compensation = 0.0
    for i in lo...hi {
        let t = term(Double(i))
        let s = sum + t
        compensation += abs(sum) >= abs(t) ? (sum - s) + t : (t - s) + sum
        sum = s
    }
    return sum + compensation
}

/// The closed forms at extreme but valid parameters (issue 17), each against an independent
/// computation: a term-by-term sum in logarithms, a large-D expansion, or the same sum at other α.
@Suite("Closed forms at extreme parameters")
struct ExtremeParameterValueTests {
    @Test("D = 1e306, 1e308, max (crashed converting the panel count to Int): E[K] and L_over against their expansions")
    func hugeSampleCount() throws {
        let p = try DataParameters(alpha: 0, beta: 2)
        for d in [1e306, 1e308, Double.greatestFiniteMagnitude] {
            // E[K(D)] = Γ(1/2)·√D − 1/2 + O(D^(−1/2)); L_over(D) = (1/2)·Γ(1)/D·(1 + O(1/D)).
            let k = p.expectedObservedCoordinates(sampleCount: d)
            #expect(relativeError(k, Double.pi.squareRoot() * d.squareRoot() - 0.5) < 1e-12, "D = \(d): K = \(k)")
            let loss = p.modelRichLoss(sampleCount: d)
            #expect(loss.isFinite && loss >= 0, "D = \(d): L = \(loss)")
            if d <= 1e306 { #expect(relativeError(loss, 0.5 / d) < 1e-9, "D = \(d): L = \(loss)") }
            let report = try TheoryReport(parameters: p, featureCount: 1e308, sampleCount: d)
            #expect(try report.renderingProblem() == nil)
        }
    }

    @Test("β = 50, D = 1e200 and 1e306 (printed NaN): E[K] and L_over against term-by-term sums in logarithms")
    func steepActivation() throws {
        let beta = 50.0
        let p = try DataParameters(alpha: 0, beta: beta)
        for (d, terms) in [(1e200, 200_000), (1e306, 4_000_000)] {
            // Beyond `terms`, D·i^−β < 1e-20: the rest of both sums is negligible.
            let k = compensatedSum(from: 1, through: terms) { i in -expm1(d * log1p(-exp(-beta * log(i)))) }
            let loss = compensatedSum(from: 1, through: terms) { i in
                exp(-(1 + beta) * log(i) + d * log1p(-exp(-beta * log(i))))
            }
            #expect(relativeError(p.expectedObservedCoordinates(sampleCount: d), k) < 1e-12, "D = \(d)")
            #expect(relativeError(p.modelRichLoss(sampleCount: d), loss) < 1e-10, "D = \(d)")
        }
        let report = try TheoryReport(parameters: p, featureCount: 100, sampleCount: 1e200)
        #expect(try report.renderingProblem() == nil)
    }

    @Test("α = 40, β = 2, D = 1e12: a narrow model-rich integrand, against the direct sum and the asymptote")
    func steepDecay() throws {
        let (alpha, beta, d) = (40.0, 2.0, 1e12)
        let p = try DataParameters(alpha: alpha, beta: beta)
        let s = p.varianceExponent
        // The summand peaks near i ≈ 2·10^5 and falls like i^−43 beyond: 2·10^6 terms hold all but 1e-40 of it.
        let direct = compensatedSum(from: 1, through: 2_000_000) { i in exp(-s * log(i) + d * log1p(-exp(-beta * log(i)))) }
        let loss = p.modelRichLoss(sampleCount: d)
        #expect(relativeError(loss, direct) < 1e-11, "L = \(loss), direct \(direct)")
        #expect(relativeError(loss, p.modelRichLossAsymptote(sampleCount: d)!) < 1e-8)
    }

    @Test("α = 10^5 (hung): E[K] does not depend on α, L_over underflows to 0, and both are fast")
    func hugeAlpha() throws {
        for (m, d) in [(1_000_000, 100.0), (1_000_000, 1e305), (1_000_000_000_000, 100)] {
            let start = Date()
            let p = try DataParameters(alpha: 1e5, beta: 0.5, inputDimension: .finite(m))
            let k = p.expectedObservedCoordinates(sampleCount: d)
            let loss = p.modelRichLoss(sampleCount: d)
            let report = try TheoryReport(parameters: p, featureCount: 8, sampleCount: d)
            #expect(Date().timeIntervalSince(start) < 5, "M = \(m), D = \(d)")
            let reference = try DataParameters(alpha: 0, beta: 0.5, inputDimension: .finite(m))
            #expect(k == reference.expectedObservedCoordinates(sampleCount: d), "M = \(m), D = \(d)")
            // Every term is below 2^−10^5 (coordinate 1 is always observed).
            #expect(loss == 0)
            #expect(try report.renderingProblem() == nil)
        }
        // α = 900: representable, carried by i = 2 and 3; against the direct sum.
        let p = try DataParameters(alpha: 900, beta: 0.5, inputDimension: .finite(1_000_000))
        let s = p.varianceExponent
        let direct = compensatedSum(from: 2, through: 100) { i in exp(-s * log(i) + 10 * log1p(-exp(-0.5 * log(i)))) }
        #expect(relativeError(p.modelRichLoss(sampleCount: 10), direct) < 1e-13)
    }

    @Test("λ_i = i^−(1+α+β) is one power: finite where i^−(1+α) overflows, equal to the product where both are representable")
    func marginalVariance() throws {
        let extreme = try DataParameters(alpha: -100, beta: 101)
        for i in [1, 2, 1000, 65_536, 1 << 40, Int.max] {
            #expect(relativeError(extreme.marginalVariance(i), pow(Double(i), -2)) < 1e-15, "i = \(i)")
        }
        for (alpha, beta) in [(-0.4, 1.5), (0.0, 2.0), (2.0, 1.2), (-1.5, 2.0)] {
            let p = try DataParameters(alpha: alpha, beta: beta)
            for i in [1, 2, 3, 17, 4096, 1_000_003] {
                #expect(relativeError(p.marginalVariance(i), p.activeVariance(i) * p.activationProbability(i)) < 1e-14)
            }
        }
    }

    @Test("The quadrature integrand in logarithms equals x·f(x) wherever both are representable")
    func integrandInLogarithms() throws {
        for (alpha, beta, d) in [(0.0, 2.0, 1e6), (-0.5, 0.7, 300.0), (2.0, 1.2, 1e12), (40.0, 3.0, 1e9)] {
            for kind in [SparseSummand.Kind.observedCoordinates, .modelRichLoss] {
                let f = SparseSummand(kind: kind, beta: beta, varianceExponent: 1 + alpha + beta, sampleCount: d)
                for x in [2049.0, 1e4, 3.3e5, 1e7, 1e9] {
                    let direct = x * f.value(at: x)
                    let logarithmic = f.scaledValue(logX: log(x))
                    if direct < 1e-300 { continue }
                    #expect(relativeError(logarithmic, direct) < 1e-12, "\(kind) α=\(alpha) β=\(beta) D=\(d) x=\(x)")
                }
            }
        }
    }

    @Test("Values beyond the Double range are refused naming the parameter that causes them")
    func refusals() throws {
        // E[K(D)] ≈ Γ(1 − 1/β)·D^(1/β) ≈ 1e12·D: over 1.8e308 for D = 1e300.
        let nearOne = try DataParameters(alpha: 0, beta: 1 + 1e-12)
        #expect(throws: ParameterError.self) { try TheoryReport(parameters: nearOne, sampleCount: 1e300) }
        do {
            _ = try TheoryReport(parameters: nearOne, sampleCount: 1e300)
        } catch let ParameterError.invalid(parameter, _, allowed) {
            #expect(parameter == .sampleCount && allowed.contains("E[K(D)]"))
        }
        #expect(throws: ParameterError.self) { try DataParameters(alpha: 1e308, beta: 1e308) }
        // The same β at D = 1e200 is representable, and close to the asymptote − 1/2.
        let report = try TheoryReport(parameters: nearOne, sampleCount: 1e200)
        let k = try #require(report.observedCoordinatesExact)
        #expect(relativeError(k, try #require(report.observedCoordinatesAsymptotic) - 0.5) < 1e-9)
    }

    @Test("β = 0: the intermediate crossover D^((1+α+β)/(2β)) is infinite, reported as none, not inf")
    func zeroBetaCrossover() throws {
        let p = try DataParameters(alpha: 1, beta: 0, inputDimension: .finite(10))
        let report = try TheoryReport(parameters: p, featureCount: 3, sampleCount: 5)
        #expect(report.solverCosts.intermediateCrossoverExponent == nil)
        #expect(report.solverCosts.intermediateCrossoverFeatureCount == nil)
        #expect(report.textTable().contains("none (direct at every N)"))
        #expect(try report.renderingProblem() == nil)
        // A large α makes D^exponent overflow while the exponent itself is finite: the size is nil, the text symbolic.
        let steep = try TheoryReport(parameters: DataParameters(alpha: 1e5, beta: 0.5, inputDimension: .finite(1000)), featureCount: 8, sampleCount: 100)
        #expect(steep.solverCosts.intermediateCrossoverFeatureCount == nil)
        #expect(steep.textTable().contains("D^100001.5"))
    }
}
