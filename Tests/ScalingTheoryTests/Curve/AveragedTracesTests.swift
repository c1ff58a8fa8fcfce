import Foundation
import Testing
@testable import ScalingTheory

@Suite("Data-averaged traces (§6.3), the law of K and the predicted curve")
struct AveragedTracesTests {
    /// E[h(σχ²_c)] for c ≥ 1 by adaptive quadrature of the χ² density in u = ln x.
    static func chiSquaredExpectation(_ c: Int, sigma: Double, _ h: (Double) -> Double) -> Double {
        let half = Double(c) / 2
        let logNorm = -half * log(2) - lgamma(half)
        let upper = log(Double(c) + 80 + 30 * Double(c).squareRoot())
        return GaussLegendre.integrate(from: log(1e-40), to: upper, panelWidth: 0.25, relativeTolerance: 1e-12) { u in
            let x = exp(u)
            return exp(half * u - x / 2 + logNorm) * h(sigma * x)
        }
    }

    @Test("d₁…d₄ and the bias moments b₂…b₄ equal explicit binomial–χ² expectations (finite M, small D)")
    func tracesAgainstExplicitExpectations() throws {
        let parameters = try DataParameters(alpha: 0.3, beta: 1.2, inputDimension: .finite(80))
        let d = 30
        let traces = DiagonalDataTraces(parameters: parameters, sampleCount: Double(d))
        for kappa in [1e-3, 0.3, 50.0] {
            // x = a/(a + κ): Σ E[x^k], k = 1…4; y = κ/(a + κ): Σ λ E[y^m], m = 2…4 (a = 0 gives y = 1).
            var x = [Double](repeating: 0, count: 4), bias = [Double](repeating: 0, count: 3)
            for i in 1...80 {
                let p = parameters.activationProbability(i), sigma = parameters.activeVariance(i)
                let lambda = parameters.marginalVariance(i)
                var logPmf = Double(d) * log1p(-min(p, 1 - 1e-300))
                for m in 0..<3 { bias[m] += p < 1 ? lambda * exp(logPmf) : 0 }
                for c in 1...d {
                    if p >= 1 { logPmf = c == d ? 0 : -.infinity } else {
                        logPmf += log(Double(d - c + 1) / Double(c)) + log(p) - log1p(-p)
                    }
                    let pmf = exp(logPmf)
                    guard pmf > 1e-18 else { continue }
                    for k in 1...4 {
                        x[k - 1] += pmf * Self.chiSquaredExpectation(c, sigma: sigma) { pow($0 / ($0 + kappa), Double(k)) }
                    }
                    for m in 2...4 {
                        bias[m - 2] += lambda * pmf * Self.chiSquaredExpectation(c, sigma: sigma) {
                            pow(kappa / ($0 + kappa), Double(m))
                        }
                    }
                }
            }
            let got = traces.moments(ridge: kappa)
            for k in 0..<4 { #expect(abs(got.x[k] / x[k] - 1) < 1e-6, "κ = \(kappa): d_\(k + 1) \(got.x[k]) vs \(x[k])") }
            for m in 0..<3 {
                #expect(abs(got.bias[m] / bias[m] - 1) < 1e-6, "κ = \(kappa): b_\(m + 2) \(got.bias[m]) vs \(bias[m])")
            }
            let three = traces.traces(ridge: kappa)
            #expect(three.d1 == got.x[0] && three.d2 == got.x[1] && three.bias == got.bias[0])
        }
    }

    @Test("Ψ(t) and Φ(t) for M = ∞ against a brute-force sum to 10⁷ plus its tail")
    func coordinateSumsForInfiniteM() throws {
        let parameters = try DataParameters(alpha: -0.5, beta: 1.5)
        let d = 1e4
        let traces = DiagonalDataTraces(parameters: parameters, sampleCount: d)
        let last = 10_000_000
        for t in [1e-3, 1.0, 30.0] {
            var psi = 0.0, phi = 0.0
            for i in stride(from: last, through: 1, by: -1) {  // smallest terms first
                let x = Double(i)
                let p = min(1, pow(x, -1.5)), sigma = pow(x, -0.5)
                let phiI = pow(1 - p + p / (1 + 2 * t * sigma).squareRoot(), d)
                psi += 1 - phiI
                phi += p * sigma * phiI
            }
            // Beyond 10⁷: 1 − φ_i ≈ D p_i (tσ_i − 3/2 (tσ_i)²) and λ_i φ_i ≈ λ_i, λ_i = i^−2.
            let x = Double(last) + 0.5
            psi += d * (t / x - t * t * pow(x, -1.5))
            phi += 1 / x
            let got = traces.direct(t)
            #expect(abs(got[0] / psi - 1) < 1e-7, "t = \(t): Ψ \(got[0]) vs \(psi)")
            #expect(abs(got[1] / phi - 1) < 1e-7, "t = \(t): Φ \(got[1]) vs \(phi)")
            let table = traces.interpolated(t)
            #expect(abs(table[0] / got[0] - 1) < 1e-6 && abs(table[1] / got[1] - 1) < 1e-6)
        }
    }

    @Test("The law of K and T: moments against brute-force sums (finite M) and an ∞-M limit")
    func rankLawMoments() throws {
        for (parameters, d, last) in [
            (try DataParameters(alpha: 0.2, beta: 0.8, inputDimension: .finite(3000)), 500.0, 3000),
            (try DataParameters(alpha: 0, beta: 2), 1000.0, 2_000_000),
        ] {
            let law = ObservedCoordinateLaw(parameters: parameters, sampleCount: d)
            var mean = 0.0, variance = 0.0, covariance = 0.0, tVariance = 0.0, tMean = 0.0
            for i in stride(from: last, through: 1, by: -1) {
                let p = parameters.activationProbability(i), lambda = parameters.marginalVariance(i)
                let unobserved = pow(1 - p, d)
                mean += 1 - unobserved
                variance += unobserved * (1 - unobserved)
                covariance -= lambda * unobserved * (1 - unobserved)
                tVariance += lambda * lambda * unobserved * (1 - unobserved)
                tMean += lambda * unobserved
            }
            if parameters.inputDimension == .infinite {  // P_i(1 − P_i) ≈ D i^−β beyond the last term
                let x = Double(last) + 0.5
                variance += d / x
                mean += d / x
                tMean += 1 / (3 * x * x * x)
            }
            #expect(abs(law.mean / mean - 1) < 1e-8)
            #expect(abs(law.variance / variance - 1) < 1e-6, "Var K \(law.variance) vs \(variance)")
            #expect(abs(law.covariance / covariance - 1) < 1e-6)
            #expect(abs(law.unobservedVariance / tVariance - 1) < 1e-6)
            #expect(abs(law.unobservedMass / tMean - 1) < 1e-8)
        }
    }

    @Test("Regions follow K's law; det is finite below, quantiles ordered, no mean in the band")
    func predictedCurveShape() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let predictor = try LossCurvePredictor(parameters: parameters, sampleCount: 1024)
        let points = predictor.curve(featureCounts: [4, 8, 16, 32, 48, 56, 64, 96, 128, 1024, 100_000])
        let meanK = predictor.rankLaw.mean
        for point in points {
            switch point.region {
            case .underparameterized:
                #expect(Double(point.featureCount) < meanK && point.mean != nil && point.method == .deterministicEquivalent)
            case .overparameterized:
                #expect(Double(point.featureCount) > meanK + 1 && point.mean != nil)
                #expect(point.quantile10! < point.median! && point.median! < point.quantile90!)
            case .peakBand:
                #expect(point.mean == nil && point.method == .peakMixture)
                #expect(point.quantile10! < point.median! && point.median! < point.quantile90!)
            }
        }
        #expect(points.first!.region == .underparameterized && points.last!.region == .overparameterized)
        #expect(points.contains { $0.region == .peakBand })
        // Far above the peak the loss tends to E[T] (the model-rich loss).
        #expect(abs(points.last!.mean! / parameters.modelRichLoss(sampleCount: 1024) - 1) < 2e-3)
        #expect(throws: ParameterError.self) { try LossCurvePredictor(parameters: try DataParameters(alpha: -1.2, beta: 2), sampleCount: 100) }
        // Below the peak the det loss falls with N.
        let under = points.filter { $0.region == .underparameterized }.map { $0.mean! }
        #expect(zip(under, under.dropFirst()).allSatisfy { $0 > $1 })
    }
}
