import Foundation
import LinearAlgebra
import ScalingTheory
import Testing
@testable import SparseScaling

/// The loss-curve theory (docs/theory.md §6) against Monte Carlo over the embedding W and the teacher w* on
/// fixed sparse training sets, with the minimum-norm readout from the dense pseudoinverse.
@Suite("Loss curve theory against Monte Carlo over W and w*")
struct CurveMonteCarloTests {
    /// A fixed training set: X_S (K × D) and the spectrum of A = X_S X_Sᵀ with weights g_j and masses.
    struct Instance {
        let parameters: DataParameters
        let observed: [Int]
        let samples: Matrix
        let spectrum: DataSpectrum
    }

    static func instance(alpha: Double, beta: Double, sampleCount: Int, seed: UInt64) throws -> Instance {
        let parameters = try DataParameters(alpha: alpha, beta: beta)
        let set = SparseTrainingSet(sampler: SparseSampler(parameters: parameters, seed: seed),
                                    sampleCount: sampleCount, threads: 1)
        let spectrum = try ConditionalEstimatorTests.spectrum(set, parameters: parameters, relativeTolerance: 1e-10)
        return Instance(parameters: parameters, observed: set.observed, samples: set.denseObserved(), spectrum: spectrum)
    }

    /// One draw of W (N × K, entries N(0, 1/N)) and w* ~ N(0, I): the expected-tail loss (docs/theory.md §3)
    /// of v = y F⁺, and (T + G₀)(1 + ‖v‖²/N), the quantity whose law §6.1 gives exactly.
    static func draw(_ instance: Instance, featureCount n: Int, random: inout RandomStream) throws
        -> (loss: Double, conditional: Double)
    {
        let k = instance.observed.count
        var w = Matrix(rows: n, columns: k)
        let scale = 1 / Double(n).squareRoot()
        for j in 0..<k {
            for i in 0..<n { w[i, j] = scale * random.normal() }
        }
        let teacher = (0..<k).map { _ in random.normal() }
        let f = BLAS.product(w, instance.samples)
        let y = BLAS.multiply(instance.samples, teacher, trans: .transposed)
        let fPlus = try Pseudoinverse.pseudoinverse(f, relativeTolerance: 1e-10)  // D × N
        let v = BLAS.multiply(fPlus, y, trans: .transposed)
        let effective = BLAS.multiply(w, v, trans: .transposed)
        var observedLoss = 0.0
        for (position, i) in instance.observed.enumerated() {
            let difference = effective[position] - teacher[position]
            observedLoss += instance.parameters.marginalVariance(i) * difference * difference
        }
        let q = v.reduce(0) { $0 + $1 * $1 } / Double(n)
        return (observedLoss + (q + 1) * instance.spectrum.unobservedMass, instance.spectrum.unfittableMass * (1 + q))
    }

    /// One draw of W (N × K, entries N(0, 1/N)) with the teacher averaged out exactly: v = Vw* with
    /// V = (F⁺)ᵀX_Sᵀ from the dense pseudoinverse, w_eff = P w*, P = WᵀV, so the expected-tail loss averaged
    /// over w* ~ N(0, I) is Σ_i λ_i Σ_k (δ_ik − P_ik)² + T(1 + ‖V‖²_F/N).
    static func teacherAveragedDraw(_ instance: Instance, featureCount n: Int, random: inout RandomStream) throws -> Double {
        let k = instance.observed.count
        var w = Matrix(rows: n, columns: k)
        let scale = 1 / Double(n).squareRoot()
        for j in 0..<k {
            for i in 0..<n { w[i, j] = scale * random.normal() }
        }
        let fPlus = try Pseudoinverse.pseudoinverse(BLAS.product(w, instance.samples), relativeTolerance: 1e-10)
        let readout = BLAS.product(fPlus, instance.samples, transA: .transposed, transB: .transposed)  // N × K
        let p = BLAS.product(w, readout, transA: .transposed)  // K × K
        var observedLoss = 0.0, readoutNorm = 0.0
        for (position, i) in instance.observed.enumerated() {
            var row = 0.0
            for j in 0..<k {
                let difference = (position == j ? 1 : 0) - p[position, j]
                row += difference * difference
            }
            observedLoss += instance.parameters.marginalVariance(i) * row
        }
        for i in 0..<n { for j in 0..<k { readoutNorm += readout[i, j] * readout[i, j] } }
        return observedLoss + (1 + readoutNorm / Double(n)) * instance.spectrum.unobservedMass
    }

    static func meanAndError(_ x: [Double]) -> (mean: Double, error: Double) {
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
        return (mean, (variance / Double(x.count)).squareRoot())
    }

    @Test("§6.1: E[L | data] = (T + G₀)(N − 1)/(N − 1 − r) and its F-law quantiles, with null directions")
    func exactOverparameterizedLaw() throws {
        let instance = try Self.instance(alpha: 0, beta: 1.5, sampleCount: 12, seed: 3)
        let spectrum = instance.spectrum
        #expect(spectrum.rank < instance.observed.count && spectrum.nullMass > 0)  // exercises G₀
        let n = spectrum.rank + 6
        var random = RandomStream(seed: 11, purpose: .replicate, index: 0)
        var losses: [Double] = [], conditional: [Double] = []
        for _ in 0..<3000 {
            let (loss, value) = try Self.draw(instance, featureCount: n, random: &random)
            losses.append(loss)
            conditional.append(value)
        }
        let exact = spectrum.conditionalMeanLoss(featureCount: n).value!
        let (mean, error) = Self.meanAndError(losses)
        #expect(abs(mean - exact) / error < 4, "MC \(mean) ± \(error) vs exact \(exact)")
        let law = spectrum.conditionalLossLaw(featureCount: n)!
        for p in [0.1, 0.5, 0.9] {
            let q = law.quantile(p)
            let fraction = Double(conditional.filter { $0 <= q }.count) / Double(conditional.count)
            #expect(abs(fraction - p) < 4 * (p * (1 - p) / Double(conditional.count)).squareRoot(),
                    "P(L ≤ q_\(p)) = \(fraction)")
        }
    }

    /// Monte Carlo over W of the loss at N on `instance`, the teacher averaged exactly: (mean, SE).
    static func monteCarloMean(_ instance: Instance, featureCount n: Int, draws: Int, seed: UInt64) throws
        -> (mean: Double, error: Double)
    {
        var random = RandomStream(seed: seed, purpose: .replicate, index: UInt64(n))
        let losses = try (0..<draws).map { _ in try Self.teacherAveragedDraw(instance, featureCount: n, random: &random) }
        return Self.meanAndError(losses)
    }

    /// The tolerance of the second-order equivalent against a Monte Carlo mean: 4 MC SE plus the omitted
    /// order, taken as ε₁², ε₁ = |second order/plain − 1| the relative size of the 1/N term it adds.
    static func secondOrderTolerance(_ spectrum: DataSpectrum, featureCount n: Int, relativeError: Double) -> Double {
        let second = spectrum.conditionalMeanLoss(featureCount: n, correction: .secondOrder).value!
        let plain = spectrum.conditionalMeanLoss(featureCount: n, correction: .shift(0)).value!
        let firstOrder = abs(second / plain - 1)
        return 4 * relativeError + firstOrder * firstOrder
    }

    @Test("§6.2: the second-order equivalent is within 4 SE + (its 1/N term)² of Monte Carlo over W, N ≤ r/2")
    func underparameterizedEquivalent() throws {
        let instance = try Self.instance(alpha: 0, beta: 1.5, sampleCount: 300, seed: 5)
        let spectrum = instance.spectrum
        for n in [8, 24] {
            #expect(2 * n <= spectrum.rank)
            let (mean, error) = try Self.monteCarloMean(instance, featureCount: n, draws: 1200, seed: 12)
            let predicted = spectrum.conditionalMeanLoss(featureCount: n).value!
            let tolerance = Self.secondOrderTolerance(spectrum, featureCount: n, relativeError: error / mean)
            #expect(abs(predicted / mean - 1) < tolerance,
                    "N = \(n): equivalent \(predicted) vs MC \(mean) ± \(error), tolerance \(tolerance)")
        }
    }

    @Test("§6.2, few observed coordinates: the second-order equivalent passes where the c = ½ shift fails")
    func secondOrderBeatsHalfShift() throws {
        let instance = try Self.instance(alpha: -0.3, beta: 2.5, sampleCount: 300, seed: 7)
        let spectrum = instance.spectrum
        for n in [4, 6] {
            let (mean, error) = try Self.monteCarloMean(instance, featureCount: n, draws: 3000, seed: 13)
            let tolerance = Self.secondOrderTolerance(spectrum, featureCount: n, relativeError: error / mean)
            let second = spectrum.conditionalMeanLoss(featureCount: n, correction: .secondOrder).value!
            let half = spectrum.conditionalMeanLoss(featureCount: n, correction: .half).value!
            let message: Comment = "r = \(spectrum.rank), N = \(n): MC \(mean) ± \(error); second order \(second), c = ½ \(half); tolerance \(tolerance)"
            #expect(abs(second / mean - 1) < tolerance, message)
            #expect(abs(half / mean - 1) > tolerance, message)
        }
    }

    @Test("det (§6.3) against mc, the per-instance mean averaged over sampled training sets")
    func deterministicAgainstInstanceAverage() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let d = 256
        let instances = try (0..<48).map { try Self.instance(alpha: 0, beta: 2, sampleCount: d, seed: UInt64(100 + $0)) }
        let predictor = try LossCurvePredictor(parameters: parameters, sampleCount: d)
        let featureCounts = [6, 10, 64, 128]
        let mc = InstanceAveragedCurve.points(spectra: instances.map(\.spectrum), featureCounts: featureCounts, sampleCount: d)
        for (n, averaged) in zip(featureCounts, mc) {
            let point = predictor.point(featureCount: n)
            #expect(point.region != .peakBand && averaged.region == point.region)
            let values = instances.compactMap { $0.spectrum.conditionalMeanLoss(featureCount: n).value }
            #expect(values.count == instances.count)
            let (mean, error) = Self.meanAndError(values)
            #expect(abs(averaged.mean! - mean) <= 1e-12 * mean)
            #expect(abs(point.mean! / mean - 1) < 0.1 + 3 * error / mean,
                    "N = \(n): det \(point.mean!) vs mc \(mean) ± \(error)")
            if point.region == .overparameterized {  // the same exact law, mixed over sampled vs modelled (r, T)
                #expect(abs(point.median! / averaged.median! - 1) < 0.1 + 3 * error / mean)
            }
        }
    }
}
