import Foundation
import Testing
@testable import ScalingTheory

@Suite("Loss given the data: exact law (§6.1), infinite means, deterministic equivalent (§6.2)")
struct ConditionalLossTests {
    @Test("Exact law (T + G₀)(1 + χ²_r/χ²_{N−r+1}): mean and quantiles against sampling")
    func exactLawAgainstSampling() {
        let r = 5, n = 12
        let spectrum = DataSpectrum(eigenvalues: [3, 2, 1, 0.5, 0.01], weights: [0.1, 0.2, 0.3, 0.1, 0.05],
                                    nullMass: 0.02, unobservedMass: 0.05)
        let law = spectrum.conditionalLossLaw(featureCount: n)!
        var random = CurveTestRandom(seed: 7)
        let count = 60_000
        let samples = (0..<count).map { _ in
            0.07 * (1 + random.chiSquared(r) / random.chiSquared(n - r + 1))
        }
        let mean = samples.reduce(0, +) / Double(count)
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        let exact = spectrum.conditionalMeanLoss(featureCount: n).value!
        #expect(abs(exact - 0.07 * Double(n - 1) / Double(n - 1 - r)) < 1e-15)
        #expect(abs(law.mean.value! / exact - 1) < 1e-14)
        #expect(abs(mean - exact) / (variance / Double(count)).squareRoot() < 4)
        for p in [0.1, 0.5, 0.9] {
            let q = law.quantile(p)
            #expect(abs(law.cdf(q) - p) < 1e-10)
            let fraction = Double(samples.filter { $0 <= q }.count) / Double(count)
            #expect(abs(fraction - p) < 4 * (p * (1 - p) / Double(count)).squareRoot())
        }
    }

    @Test("The mean is infinite exactly at N ∈ {r − 1, r, r + 1}")
    func infiniteMeanDetection() {
        let s = (1...10).map { 1 / Double($0) }
        let spectrum = DataSpectrum(eigenvalues: s, weights: s.map { $0 * $0 }, nullMass: 0, unobservedMass: 0.01)
        #expect(spectrum.rank == 10)
        for n in [9, 10, 11] { #expect(spectrum.conditionalMeanLoss(featureCount: n) == .infinite) }
        #expect(spectrum.conditionalMeanLoss(featureCount: 12) == .finite(0.01 * 11))
        #expect(spectrum.conditionalMeanLoss(featureCount: 8).value != nil)
        #expect(spectrum.conditionalLossLaw(featureCount: 10)!.mean == .infinite)
        #expect(spectrum.conditionalLossLaw(featureCount: 11)!.mean == .infinite)
        #expect(spectrum.conditionalLossLaw(featureCount: 9) == nil)
        // The quantiles stay finite where the mean is not.
        #expect(spectrum.conditionalLossLaw(featureCount: 10)!.quantile(0.5).isFinite)
    }

    @Test("A = I: κ = (r − N)/N, df₂ = N²/r, and the isotropic correction reproduces the exact mean, the second-order one its 1/N expansion")
    func isotropicInstance() {
        let r = 40
        let lambdas = (1...r).map { pow(Double($0), -2.0) }
        let trace = lambdas.reduce(0, +), tail = 0.03
        let spectrum = DataSpectrum(eigenvalues: Array(repeating: 1, count: r), weights: lambdas,
                                    nullMass: 0, unobservedMass: tail)
        for n in [2, 5, 17, 30, 38] {
            let kappa = spectrum.effectiveRidge(featureCount: n)!
            #expect(abs(kappa - Double(r - n) / Double(n)) < 1e-10 * kappa)
            #expect(abs(spectrum.sketchTraces(featureCount: n, ridge: kappa).secondMoment - Double(n * n) / Double(r)) < 1e-9)
            // E‖Λ^½(I − P)w*‖² = tr Λ (1 − N/r); E‖v‖²/N = N/(r − N − 1).
            let fitted = trace * (1 - Double(n) / Double(r))
            let exact = fitted + tail * Double(r - 1) / Double(r - n - 1)
            let predicted = spectrum.conditionalMeanLoss(featureCount: n, correction: .isotropic).value!
            #expect(abs(predicted / exact - 1) < 1e-9)
            // The second-order correction: the fitted part exactly, and N/(r − N − 1) to order 1/N, i.e. its
            // expansion N/(r − N) + N/(r − N)² (the next term, N/(r − N)³, is left out).
            let gap = Double(r - n)
            let secondOrder = fitted + tail * (1 + Double(n) / gap + Double(n) / (gap * gap))
            let got = spectrum.conditionalMeanLoss(featureCount: n, correction: .secondOrder).value!
            #expect(abs(got / secondOrder - 1) < 1e-9, "N = \(n): \(got) vs \(secondOrder)")
        }
    }

    @Test("The effective ridge solves Σ s/(s + κ) = N on a spectrum spanning nine decades")
    func ridgeOnSpreadSpectrum() {
        let s: [Double] = (0..<200).map { j in
            let exponent: Double = 3 - 9 * Double(j) / 199
            return pow(10, exponent)
        }
        let spectrum = DataSpectrum(eigenvalues: s, weights: s, nullMass: 0, unobservedMass: 0)
        for n in [1, 10, 100, 190, 199] {
            let kappa = spectrum.effectiveRidge(featureCount: n)!
            let trace = s.reduce(0) { $0 + $1 / ($1 + kappa) }
            #expect(abs(trace - Double(n)) < 1e-9 * Double(n))
        }
        #expect(spectrum.effectiveRidge(featureCount: 200) == nil)
    }

    @Test("A mixture's quantile inverts its CDF, and a point mass at infinity is honoured")
    func mixtureQuantiles() {
        let components: [LossLawMixture.Component] = (2...8).map { (k: Int) -> LossLawMixture.Component in
            let x = Double(k)
            let law = BetaPrimeLossLaw(scale: 0.1 * x, numeratorShape: x / 2, denominatorShape: (12 - x) / 2)
            return LossLawMixture.Component(weight: x, law: law)
        }
        let mixture = LossLawMixture(components: components)
        for p in [0.01, 0.1, 0.5, 0.9, 0.99] {
            let q = mixture.quantile(p)!
            #expect(abs(mixture.cdf(q) - p) < 1e-9)
        }
        let capped = LossLawMixture(components: components, massAtInfinity: 40)
        #expect(capped.quantile(0.9) == nil)
        #expect(abs(capped.cdf(capped.quantile(0.3)!) - 0.3) < 1e-9)
    }
}
