import Foundation
@testable import ScalingTheory
import TestSupport

/// One random `theory` input: α, β, M (nil = ∞), N and D (nil = not given).
struct TheoryFuzzCase: CustomStringConvertible, Sendable {
    let alpha: Double, beta: Double
    let m: Int?
    let n: Double?, d: Double?

    /// The same input as `sparse-scaling theory` flags.
    var arguments: [String] {
        var out = ["theory", "--alpha", "\(alpha)", "--beta", "\(beta)", "--m", m.map(String.init) ?? "inf"]
        if let n { out += ["--n", "\(n)"] }
        if let d { out += ["--d", "\(d)"] }
        return out
    }

    var description: String { arguments.joined(separator: " ") }

    /// `count` cases from `seed`, drawn from extreme and ordinary values of every parameter (edges of
    /// the Double range, β near 0 and 1, α ≪ −1 with β ≫ 1, huge α, M from 1 to Int.max).
    static func generate(count: Int, seed: UInt64) -> [TheoryFuzzCase] {
        var rng = SplitMix64(state: seed)
        let betas: [Double] = [0, 5e-324, 1e-300, 1e-12, 0.01, 0.28, 0.5, 0.999999, 1, 1 + 1e-12, 1.000001, 1.01, 1.5,
                               2, 3, 9.4, 50, 101, 1e3, 1e5, 1e100, 1e300]
        let sizes: [Double] = [1, 1.5, 2, 1e3, 1e12, 1e100, 1e200, 1e300, 1e305, 1e306, 1e308, .greatestFiniteMagnitude]
        let dimensions: [Int?] = [nil, nil, nil, 1, 2, 20_000, 22_049, 1_000_000, 1_000_000_000, 1 << 62, Int.max]
        return (0..<count).map { _ in
            let beta = rng.unit() < 0.6 ? rng.pick(betas) : rng.logUniform(-3, 3)
            let alpha: Double
            switch rng.next() % 6 {
            case 0: alpha = rng.pick([-1e5, -100, -60, -1.5, -1, 0, 1, 100, 1e5, 1e300])
            case 1: alpha = -beta + rng.pick([1e-300, 1e-12, 1e-3, 0.5, 1])  // α + β just above 0
            case 2: alpha = -beta * (1 - rng.logUniform(-6, 0))  // α ≪ −1 with β ≫ 1
            case 3: alpha = rng.logUniform(-3, 6)
            case 4: alpha = -min(rng.logUniform(-3, 2), beta * 1.2)  // negative α, sometimes α + β ≤ 0
            default: alpha = rng.logUniform(0, 308)
            }
            // M = ∞ needs β > 1: mostly respect that, sometimes not (a refusal to check).
            let m = beta <= 1 && rng.unit() < 0.9 ? rng.pick(dimensions.compactMap { $0 }) : rng.pick(dimensions)
            let n: Double? = rng.unit() < 0.2 ? nil : (rng.unit() < 0.5 ? rng.pick(sizes) : rng.logUniform(0, 308))
            let d: Double? = rng.unit() < 0.1 ? nil : (rng.unit() < 0.5 ? rng.pick(sizes) : rng.logUniform(0, 308.2))
            return TheoryFuzzCase(alpha: alpha, beta: beta, m: m, n: n, d: d)
        }
    }

    /// The outcome of the case in-process: a report, or the `ParameterError` that refused it.
    func evaluate() -> Result<TheoryReport, ParameterError> {
        do {
            let parameters = try DataParameters(alpha: alpha, beta: beta, inputDimension: m.map { .finite($0) } ?? .infinite)
            return .success(try TheoryReport(parameters: parameters, featureCount: n, sampleCount: d))
        } catch let error as ParameterError {
            return .failure(error)
        } catch {
            fatalError("unexpected error \(error)")
        }
    }
}

extension TheoryReport {
    /// Every number the report holds (nil ones left out).
    var allNumbers: [Double] {
        let costs = solverCosts
        let co = computeOptimal
        var out: [Double?] = [alpha, beta, n, d, alphaN, alphaD, asymmetryRatio, observedCoordinatesExact,
                              observedCoordinatesAsymptotic, modelRichLossExact, modelRichLossAsymptotic, totalVariance,
                              interpolationThreshold, collapseX, co.computeA, co.computeB, co.nExponent, co.dExponent,
                              co.lossExponent, costs.intermediateCrossoverExponent, costs.intermediateCrossoverFeatureCount,
                              gdFailureExponent]
        if let e = costs.estimate {
            out += [e.log10ConditionNumber, e.log10GradientDescent, e.log10Accelerated, e.log10Direct]
        }
        return out.compactMap { $0 }
    }

    /// The first rendering problem: a non-finite number or a "nan"/"inf" in the text (outside the M row) or JSON.
    func renderingProblem() throws -> String? {
        if let bad = allNumbers.first(where: { !$0.isFinite }) { return "non-finite number \(bad)" }
        // M = ∞ is written "inf" on purpose (as in CSV); any other non-finite value is a problem.
        let json = try jsonString().lowercased().replacingOccurrences(of: "\"m\" : \"inf\"", with: "")
        for word in ["nan", "\"inf\"", "\"-inf\""] where json.contains(word) { return "JSON contains \(word)" }
        for line in textTable().lowercased().split(separator: "\n") where !line.hasPrefix("| m ") {
            if line.contains("nan") || line.contains(" inf ") || line.contains("d^inf") { return "text line: \(line)" }
        }
        return nil
    }
}

extension TheoryReport {
    /// An independent check of the exact sums at extreme sizes, against their large-D expansions
    /// (Mellin transform of Σ_i f(i)): with M = ∞, β ≥ 1.01 and D^(1/β) ≥ 10^6,
    /// E[K(D)] = Γ(1 − 1/β)·D^(1/β) + ζ(0) + O(D^(1/β − 1)), ζ(0) = −1/2, and
    /// L_over(D) = (1/β)·Γ((α+β)/β)·D^(−(α+β)/β)·(1 + O(k²/D)), k = (α+β)/β.
    /// A description of the disagreement, or nil.
    func asymptoteMismatch() -> String? {
        guard m == nil, beta >= 1.01, let d, log10(d) / beta >= 6,
              let k = observedCoordinatesExact, let kAsymptote = observedCoordinatesAsymptotic else { return nil }
        let kExpansion = kAsymptote - 0.5
        if abs(k - kExpansion) > 1e-9 * k + 10 * pow(d, 1 / beta - 1) {
            return "E[K] \(k) vs Γ(1 − 1/β)·D^(1/β) − 1/2 = \(kExpansion)"
        }
        let order = (alpha + beta) / beta
        guard order < 20, let loss = modelRichLossExact, let lossAsymptote = modelRichLossAsymptotic,
              lossAsymptote > 1e-290 else { return nil }
        if abs(loss - lossAsymptote) > (1e-9 + 10 * (order + 1) * (order + 1) / d) * lossAsymptote {
            return "L_over \(loss) vs asymptote \(lossAsymptote)"
        }
        return nil
    }
}
