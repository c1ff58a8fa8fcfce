import Foundation

/// One row of the theory table: a quantity, its value (nil when it cannot be given), the formula,
/// and why a missing value is missing.
public struct TheoryTableRow: Sendable, Hashable {
    /// Why a row has no value.
    public enum Absence: Sendable, Hashable {
        /// The quantity depends on the data size D, which was not given.
        case needsDataSize
        /// The quantity depends on both N and D, and one of them was not given.
        case needsModelAndDataSize
        /// The quantity is not defined at these parameters; the text says why.
        case undefined(String)
    }

    /// Name of the quantity, e.g. "alpha_N".
    public let quantity: String
    /// The value as text; nil when absent.
    public let value: String?
    /// The formula or meaning.
    public let formula: String
    /// Why `value` is nil (nil when it is not).
    public let absence: Absence?
}

extension TheoryReport {
    /// The rows of `textTable()`, in order, with the reason for every missing value.
    public func tableRows() -> [TheoryTableRow] {
        let f = TheoryFormat.number
        let co = computeOptimal
        let proxy = "C = N^\(f(co.computeA))·D^\(f(co.computeB))"
        let needsD: TheoryTableRow.Absence? = d == nil ? .needsDataSize : nil
        let needsND: TheoryTableRow.Absence? = n == nil || d == nil ? .needsModelAndDataSize : nil
        func row(_ quantity: String, _ value: String?, _ formula: String, _ absence: TheoryTableRow.Absence? = nil) -> TheoryTableRow {
            TheoryTableRow(quantity: quantity, value: value, formula: formula, absence: value == nil ? absence : nil)
        }
        func number(_ x: Double?) -> String? { x.map { f($0) } }
        // An asymptote (β > 1 only) and its prefactor: "> 1.8e308" when D is given but the power
        // overflows; otherwise missing for want of D, or undefined for β ≤ 1 (`linear` says why).
        func asymptote(_ quantity: String, _ value: Double?, _ formula: String, linear: String) -> TheoryTableRow {
            row(quantity, beta > 1 && d != nil && value == nil ? "> 1.8e308" : number(value), formula, beta > 1 ? needsD : .undefined(linear))
        }
        func prefactor(_ quantity: String, _ value: Double?, _ formula: String, linear: String) -> TheoryTableRow {
            row(quantity, number(value), formula, .undefined(beta > 1 ? "beyond the range of a Double" : linear))
        }
        let linearK = "no power law for β ≤ 1: K grows linearly in D", linearLoss = "no power law in D for β ≤ 1"
        var rows: [TheoryTableRow] = [
            row("alpha", f(alpha), "amplitude exponent α"),
            row("beta", f(beta), "activation exponent β, p_i = min(1, i^-β)"),
            row("M", m.map(String.init) ?? "inf", "input dimension"),
            row("N", number(n), "model size", .needsModelAndDataSize),
            row("D", number(d), "data size", .needsDataSize),
            row("alpha_N", f(alphaN), "α + β"),
            row("alpha_D", f(alphaD), beta > 1 ? "(α + β)/β" : "α + β (β ≤ 1)"),
            row("asymmetry ratio", f(asymmetryRatio), "α_N/α_D"),
            row("law", law.rawValue, law.explanation),
            row("observed coordinates (exact)", number(observedCoordinatesExact), "E[K(D)] = Σ_i [1 − (1 − p_i)^D]", needsD),
            asymptote("observed coordinates (asymptotic)", observedCoordinatesAsymptotic, "Γ(1 − 1/β)·D^(1/β), β > 1", linear: linearK),
            prefactor("observed coordinates prefactor", observedCoordinatesPrefactor, "c_K = Γ(1 − 1/β) in E[K] ≈ c_K·D^(1/β), β > 1", linear: linearK),
            row("model-rich loss (exact)", number(modelRichLossExact), "Σ_i λ_i (1 − p_i)^D", needsD),
            asymptote("model-rich loss (asymptotic)", modelRichLossAsymptotic, "(1/β)·Γ((α+β)/β)·D^(−(α+β)/β), β > 1", linear: linearLoss),
            prefactor("model-rich loss prefactor", modelRichLossPrefactor, "c_L = (1/β)·Γ((α+β)/β) in L ≈ c_L·D^(−(α+β)/β), β > 1", linear: linearLoss),
            row("total variance", f(totalVariance), m == nil ? "ζ(1 + α + β)" : "Σ_{i≤M} i^−(1+α+β)"),
            row("interpolation threshold", number(interpolationThreshold), "min(E[K(D)], D)", needsD),
            row("regime", regime?.rawValue, "under: N < threshold; intermediate: < D; heavily over: N ≥ D", needsND),
            row("collapse x", number(collapseX), "N/D^(1/β)", needsND),
            row("compute-optimal N*", "C^" + f(co.nExponent), proxy),
            row("compute-optimal D*", "C^" + f(co.dExponent), proxy),
            row("compute-optimal L*", "C^" + f(co.lossExponent), proxy),
        ]
        let sc = solverCosts
        if let e = sc.estimate {
            rows += [
                row("log10 condition number", f(e.log10ConditionNumber), "κ ≈ min(N, E[K(D)])^(1+α+β)"),
                row("log10 cost, gradient descent", f(e.log10GradientDescent), "N·D·κ"),
                row("log10 cost, accelerated", f(e.log10Accelerated), "N·D·√κ"),
                row("log10 cost, direct", f(e.log10Direct), "N·D·min(N, D)"),
                row("cheapest solver at (N, D)", e.cheapest.rawValue, ""),
            ]
        }
        rows += [
            row("cheapest, underparameterized", sc.cheapestUnderparameterized.rawValue, "direct iff α + β > 1"),
            row("cheapest, heavily overparameterized", sc.cheapestHeavilyOverparameterized.rawValue, "direct iff β < 1 + α"),
            row("intermediate crossover N", sc.intermediateCrossoverFeatureCount.map { f($0) }
                ?? sc.intermediateCrossoverExponent.map { "D^" + f($0) } ?? "none (direct at every N)",
                "direct below, accelerated above; D^((1+α+β)/(2β))"),
            row("GD spikes possible", gdSpikesPossible ? "yes" : "no", "iff α < −1"),
            row("GD failure exponent", number(gdFailureExponent), "P(failure) ∝ D^((α+β)/(1+α))",
                .undefined("GD cannot spike for α ≥ −1, so it does not fail")),
        ]
        if let sigma = noise {
            rows.append(row("label noise σ", f(sigma), "y = w*·x + σε"))
            rows.append(row("singleton scale s(D)", number(singletonScale), "(Σ √p_i·D p_i (1 − p_i)^(D−1))², stable-½ law of the seen-once part", needsD))
            let names = ["q10", "q25", "q50", "q75", "q90"]
            if let q = lossQuantiles, let t = testLossQuantiles {
                let draws = lawDraws.map { "\($0) Monte Carlo draws" } ?? "Monte Carlo"
                for (k, name) in names.enumerated() {
                    let ci = lossQuantileIntervals?[k].map { "95% CI [\(f($0.lower)), \(f($0.upper))] over \(draws) (order statistics)" }
                        ?? "\(draws): too few to bracket this quantile"
                    rows.append(row("excess loss \(name) (ours)", f(q.values[k]), "model-rich ridgeless, shared samples fitted jointly (docs/theory-label-noise.md); \(ci)"))
                }
                for (k, name) in names.enumerated() {
                    rows.append(row("test loss \(name) (ours)", f(t.values[k]), "excess + σ²"))
                }
                rows.append(row("draws with K ≥ N − 1", number(outsideModelRichFraction), "fraction where the model-rich law fails"))
            } else {
                rows.append(row("excess loss quantiles", nil, "need --n and --d", .needsModelAndDataSize))
            }
        }
        return rows
    }
}
