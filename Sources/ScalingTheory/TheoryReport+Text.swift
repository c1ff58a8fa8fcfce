import Foundation

extension TheoryReport: CustomStringConvertible {
    /// The report as an aligned Markdown-style pipe table (quantity | value | formula), readable as
    /// plain text and paste-able into a notebook, followed by the solver conditions.
    public func textTable() -> String {
        let f = TheoryFormat.number
        let mText = m.map(String.init) ?? "inf"
        let co = computeOptimal
        let proxy = "C = N^\(f(co.computeA))·D^\(f(co.computeB))"
        var rows: [(String, String, String)] = [
            ("alpha", f(alpha), "amplitude exponent α"),
            ("beta", f(beta), "activation exponent β, p_i = min(1, i^-β)"),
            ("M", mText, "input dimension"),
            ("N", f(n), "model size"),
            ("D", f(d), "data size"),
            ("alpha_N", f(alphaN), "α + β"),
            ("alpha_D", f(alphaD), beta > 1 ? "(α + β)/β" : "α + β (β ≤ 1)"),
            ("asymmetry ratio", f(asymmetryRatio), "α_N/α_D"),
            ("law", law.rawValue, law.explanation),
            ("observed coordinates (exact)", f(observedCoordinatesExact), "E[K(D)] = Σ_i [1 − (1 − p_i)^D]"),
            ("observed coordinates (asymptotic)", beta > 1 && d != nil && observedCoordinatesAsymptotic == nil
                ? "> 1.8e308" : f(observedCoordinatesAsymptotic), "Γ(1 − 1/β)·D^(1/β), β > 1"),
            ("observed coordinates prefactor", f(observedCoordinatesPrefactor), "c_K = Γ(1 − 1/β) in E[K] ≈ c_K·D^(1/β), β > 1"),
            ("model-rich loss (exact)", f(modelRichLossExact), "Σ_i λ_i (1 − p_i)^D"),
            ("model-rich loss (asymptotic)", beta > 1 && d != nil && modelRichLossAsymptotic == nil
                ? "> 1.8e308" : f(modelRichLossAsymptotic), "(1/β)·Γ((α+β)/β)·D^(−(α+β)/β), β > 1"),
            ("model-rich loss prefactor", f(modelRichLossPrefactor), "c_L = (1/β)·Γ((α+β)/β) in L ≈ c_L·D^(−(α+β)/β), β > 1"),
            ("total variance", f(totalVariance), m == nil ? "ζ(1 + α + β)" : "Σ_{i≤M} i^−(1+α+β)"),
            ("interpolation threshold", f(interpolationThreshold), "min(E[K(D)], D)"),
            ("regime", regime?.rawValue ?? "—", "under: N < threshold; intermediate: < D; heavily over: N ≥ D"),
            ("collapse x", f(collapseX), "N/D^(1/β)"),
            ("compute-optimal N*", "C^" + f(co.nExponent), proxy),
            ("compute-optimal D*", "C^" + f(co.dExponent), proxy),
            ("compute-optimal L*", "C^" + f(co.lossExponent), proxy),
        ]
        let sc = solverCosts
        if let e = sc.estimate {
            rows += [
                ("log10 condition number", f(e.log10ConditionNumber), "κ ≈ min(N, E[K(D)])^(1+α+β)"),
                ("log10 cost, gradient descent", f(e.log10GradientDescent), "N·D·κ"),
                ("log10 cost, accelerated", f(e.log10Accelerated), "N·D·√κ"),
                ("log10 cost, direct", f(e.log10Direct), "N·D·min(N, D)"),
                ("cheapest solver at (N, D)", e.cheapest.rawValue, ""),
            ]
        }
        rows += [
            ("cheapest, underparameterized", sc.cheapestUnderparameterized.rawValue, "direct iff α + β > 1"),
            ("cheapest, heavily overparameterized", sc.cheapestHeavilyOverparameterized.rawValue, "direct iff β < 1 + α"),
            ("intermediate crossover N", sc.intermediateCrossoverFeatureCount.map { f($0) }
                ?? sc.intermediateCrossoverExponent.map { "D^" + f($0) } ?? "none (direct at every N)",
             "direct below, accelerated above; D^((1+α+β)/(2β))"),
            ("GD spikes possible", gdSpikesPossible ? "yes" : "no", "iff α < −1"),
            ("GD failure exponent", f(gdFailureExponent), "P(failure) ∝ D^((α+β)/(1+α))"),
        ]
        if let sigma = noise {
            rows.append(("label noise σ", f(sigma), "y = w*·x + σε"))
            rows.append(("singleton scale s(D)", f(singletonScale), "(Σ √p_i·D p_i (1 − p_i)^(D−1))², stable-½ law of the seen-once part"))
            let names = ["q10", "q25", "q50", "q75", "q90"]
            if let q = lossQuantiles, let t = testLossQuantiles {
                let draws = lawDraws.map { "\($0) Monte Carlo draws" } ?? "Monte Carlo"
                for (k, name) in names.enumerated() {
                    let ci = lossQuantileIntervals?[k].map { "95% CI [\(f($0.lower)), \(f($0.upper))] over \(draws) (order statistics)" }
                        ?? "\(draws): too few to bracket this quantile"
                    rows.append(("excess loss \(name) (ours)", f(q.values[k]), "model-rich ridgeless, shared samples fitted jointly (docs/theory-label-noise.md); \(ci)"))
                }
                for (k, name) in names.enumerated() {
                    rows.append(("test loss \(name) (ours)", f(t.values[k]), "excess + σ²"))
                }
                rows.append(("draws with K ≥ N − 1", f(outsideModelRichFraction), "fraction where the model-rich law fails"))
            } else {
                rows.append(("excess loss quantiles", "—", "need --n and --d"))
            }
        }
        let header = ("quantity", "value", "formula")
        let all = [header] + rows
        let w0 = all.map(\.0.count).max()!, w1 = all.map(\.1.count).max()!, w2 = all.map(\.2.count).max()!
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: w - s.count) }
        func line(_ r: (String, String, String)) -> String {
            "| \(pad(r.0, w0)) | \(pad(r.1, w1)) | \(pad(r.2, w2)) |"
        }
        var out = [line(header),
                   "|" + String(repeating: "-", count: w0 + 2) + "|" + String(repeating: "-", count: w1 + 2)
                       + "|" + String(repeating: "-", count: w2 + 2) + "|"]
        out += rows.map(line)
        out.append("")
        out += sc.conditions.map { "- " + $0 }
        return out.joined(separator: "\n") + "\n"
    }

    /// The text table (`textTable()`).
    public var description: String { textTable() }
}
